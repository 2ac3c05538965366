// "Be the therapist": the course is replayed by the server from the choices so far; nothing is stored
// (in class mode the server keeps the student's course between steps).
"use strict";

const $ = (id) => document.getElementById(id);
const fmt = (v) => (v === null || v === undefined ? "" : Number(v).toFixed(2));
const state = { choices: [], last: null, lesson: new URLSearchParams() };
// Class mode (/class): the server keeps this student's course; the teacher chose the family.
const inClass = location.pathname === "/class";

async function postJson(path, body) {
  const res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const out = await res.json();
  if (!res.ok) throw new Error(out.error || res.statusText);
  return out;
}

function baseQuery() {
  const q = new URLSearchParams(state.lesson);
  q.set("preset", $("preset").value);
  q.set("family", $("family").value || "0");
  if (state.choices.length) q.set("choices", state.choices.join(";"));
  return q;
}

function status(text, error) {
  $("status").textContent = text;
  $("status").classList.toggle("error", !!error);
}

async function getJson(path, q) {
  const res = await fetch(path + "?" + q.toString());
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text;
  row.appendChild(td);
  return td;
}

function render(s) {
  state.last = s;
  const f = s.family_info;
  const names = f.members.map((m) => m.name + (m.identified_patient ? " (identified patient)" : ""));
  $("family-text").textContent = "Family " + s.family + " (" + f.type + (f.involuntary ? ", sent against its wishes" : "")
    + "): " + names.join(", ") + ". You are a " + s.therapist.type + " therapist; your own usual support is "
    + fmt(s.therapist.support) + ".";
  const focus = $("focus");
  if (focus.options.length !== f.members.length + 1) {
    focus.replaceChildren(new Option("everyone", "-1"));
    f.members.forEach((m, i) => focus.appendChild(new Option(names[i], String(m.id))));
  }
  const last = s.sessions.length ? s.sessions[s.sessions.length - 1] : null;
  const body = $("members-table").tBodies[0];
  body.replaceChildren();
  s.now.members.forEach((m, i) => {
    const row = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = names[i];
    row.appendChild(th);
    cell(row, fmt(m.engagement));
    cell(row, fmt(m.connection));
    cell(row, fmt(m.safety));
    const lm = last ? last.members[i] : null;
    cell(row, lm ? fmt(lm.discomfort) + " (" + fmt(lm.capacity) + ")" : "–");
    cell(row, lm ? (lm.rupture ? (lm.repaired ? "rupture, repaired" : "rupture, not repaired") : "no") : "–");
  });
  $("purpose-text").textContent = "Shared sense of purpose (the family's SOFTA dimension): " + fmt(s.now.purpose)
    + "; family conflict " + fmt(s.now.conflict) + (s.now.missed ? "; sessions missed so far: " + s.now.missed : "") + ".";
  const hist = $("history-table").tBodies[0];
  hist.replaceChildren();
  for (const x of s.sessions) {
    const row = hist.insertRow();
    cell(row, String(x.session));
    cell(row, fmt(x.challenge));
    cell(row, x.focus >= 0 ? names[x.focus] : "everyone");
    cell(row, fmt(x.support));
    cell(row, String(x.members.filter((m) => m.rupture).length));
    cell(row, String(x.members.filter((m) => m.repaired).length));
    cell(row, fmt(x.members.reduce((a, m) => a + m.alliance, 0) / x.members.length));
  }
  $("after-title").textContent = last ? "After session " + last.session : "Before the first session";
  if (s.ended) {
    $("after-text").textContent = (last ? "" : "The family never came. ") + s.ended.text
      + " Improvement " + fmt(s.ended.improvement) + ". Open the debrief to see what others would have done.";
    $("choose-title").textContent = "The course is over";
    $("step").disabled = true;
    $("policy").disabled = true;
  } else {
    $("after-text").textContent = last ? last.after : "The family is here for its first session.";
    $("choose-title").textContent = "Session " + s.next.session;
    $("step").disabled = false;
    $("policy").disabled = false;
  }
  $("policy-text").textContent = "";
}

async function load() {
  $("debrief").hidden = true;
  status("running…");
  try {
    render(inClass ? await getJson("/api/class/me", new URLSearchParams()) : await getJson("/api/practice", baseQuery()));
    status("ready");
  } catch (e) {
    status(e.message, true);
  }
}

function start() {
  state.choices = [];
  $("family").value = String(Math.max(0, Math.min(199, parseInt($("family").value || "0", 10) || 0)));
  load().then(() => {
    if (state.last && state.last.next) {
      $("support").value = state.last.next.policy.support.toFixed(2);
      $("support-value").textContent = fmt($("support").value);
    }
  });
}

async function step() {
  if (inClass) {
    status("running…");
    try {
      render(await postJson("/api/class/step", { challenge: $("challenge").value, focus: $("focus").value,
        support: $("support").value, repair: $("repair").checked }));
      status("ready");
      $("after-title").focus();
    } catch (e) {
      status(e.message, true);
    }
    return;
  }
  const c = [$("challenge").value, $("focus").value, $("support").value, $("repair").checked ? "1" : "0"];
  state.choices.push(c.join(","));
  load().then(() => $("after-title").focus());
}

function showPolicy() {
  if (!state.last || !state.last.next) return;
  const p = state.last.next.policy;
  $("challenge").value = p.challenge.toFixed(2);
  $("challenge-value").textContent = fmt(p.challenge);
  $("support").value = p.support.toFixed(2);
  $("support-value").textContent = fmt(p.support);
  $("focus").value = "-1";
  $("repair").checked = p.repair;
  $("policy-text").textContent = "The model's therapist would challenge " + fmt(p.challenge)
    + ", aimed at everyone, with support " + fmt(p.support) + ", and would work on any rupture. The controls now show it.";
}

async function debrief() {
  status("running the debrief…");
  try {
    const d = inClass ? await getJson("/api/class/debrief", new URLSearchParams())
      : await getJson("/api/practice/debrief", baseQuery());
    $("debrief-story").textContent = d.story;
    const body = $("same-table").tBodies[0];
    body.replaceChildren();
    for (const x of d.same_family) {
      const row = body.insertRow();
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = x.therapist;
      row.appendChild(th);
      cell(row, String(x.sessions));
      cell(row, x.ending);
      cell(row, x.ruptures === undefined ? "" : String(x.ruptures));
      cell(row, x.repairs === undefined ? "" : String(x.repairs));
      cell(row, fmt(x.improvement));
    }
    $("debrief-chart").innerHTML = d.retention_svg;
    $("debrief").hidden = false;
    status("debrief ready");
  } catch (e) {
    status(e.message, true);
  }
}

async function join() {
  try {
    await postJson("/api/class/join", { code: $("join-code").value, nickname: $("nickname").value });
    $("join").hidden = true;
    $("join-status").textContent = "";
    await load();
    await pollLesson();
    $("after-title").focus();
  } catch (e) {
    $("join-status").textContent = e.message;
  }
}


// A lesson the class plays together: the teacher moves it; this screen shows the step and sends this
// student's own answer. Polled every 2 seconds; redrawn only when something changed (the version).
const classLesson = { version: -1, key: "" };

function verdict(l) {
  const c = l.current;
  if (c.kind === "choice") {
    const right = c.choices[l.answer];
    return l.mine === null ? "The answer: " + right + "."
      : l.mine === l.answer ? "Your prediction, " + right + ", is what the model shows."
      : "You predicted " + c.choices[l.mine] + "; the model shows " + right + ".";
  }
  if (c.kind === "number" && l.headline && l.headline[c.metric]) {
    const m = l.headline[c.metric];
    const unit = isShare(c.metric) ? "%" : "";
    return (l.mine === null ? "" : "You guessed " + l.mine + unit + "; ") + "the model gives " + fmtMetric(c.metric, m.mean)
      + " (95% interval " + fmtMetric(c.metric, m.low) + " to " + fmtMetric(c.metric, m.high) + ").";
  }
  return "";
}

function renderLesson(l) {
  const box = $("class-lesson");
  if (!l.running) {
    box.hidden = true;
    classLesson.key = "";
    return;
  }
  const c = l.current;
  const key = l.lesson + "/" + l.step;
  const newStep = key !== classLesson.key;
  classLesson.key = key;
  box.hidden = false;
  $("cl-count").textContent = l.title + ": step " + l.step + " of " + l.steps + (l.revealed ? ", revealed" : "");
  if (newStep) {
    $("cl-title").textContent = c.title;
    $("cl-text").innerHTML = c.text_html;
    const words = Object.entries(c.settings).map((e) => e[0] + " " + e[1]);
    $("cl-settings").textContent = c.preset ? "Scenario " + c.preset + (words.length ? "; " + words.join(", ") : "") : "";
    $("cl-question").innerHTML = c.question_html;
    $("cl-choice-box").hidden = c.kind !== "choice";
    $("cl-number-box").hidden = c.kind !== "number";
    radioChoices($("cl-choices"), "cl-choice", c.choices);
    $("cl-number-label").textContent = "Your guess" + (c.metric ? ": " + (c.metric_label || c.metric) + (isShare(c.metric) ? " (in %)" : "") : "");
    $("cl-number").value = "";
    $("cl-status").textContent = "";
  }
  $("cl-prediction").hidden = c.kind === "none";
  $("cl-send").disabled = l.revealed;
  for (const input of document.querySelectorAll("input[name=cl-choice]")) input.disabled = l.revealed;
  $("cl-number").disabled = l.revealed;
  if (l.mine !== null) {
    $("cl-status").textContent = "Your answer is in: " + (c.kind === "choice" ? c.choices[l.mine] : l.mine + (isShare(c.metric) ? "%" : "")) + ".";
  }
  $("cl-reveal").hidden = !l.revealed;
  if (l.revealed) {
    $("cl-verdict").textContent = verdict(l);
    fillRows($("cl-dist").tBodies[0], [...distributionRows(l), ["Answers", String(l.distribution.answers)]]);
    $("cl-explain").innerHTML = l.explain_html;
    $("cl-chart").innerHTML = l.retention_svg || "";
    $("cl-chart").hidden = !l.retention_svg;
  }
}

async function pollLesson() {
  try {
    const l = await getJson("/api/class/lesson", new URLSearchParams());
    if (l.version !== classLesson.version) {
      classLesson.version = l.version;
      renderLesson(l);
    }
  } catch (e) {
    // Not joined yet, or a moment's rate limit: the next poll tries again.
  }
}

async function sendAnswer() {
  const l = { choice: undefined, number: undefined };
  const picked = document.querySelector("input[name=cl-choice]:checked");
  if (!$("cl-choice-box").hidden) {
    if (picked === null) { $("cl-status").textContent = "Choose one first."; return; }
    l.choice = Number(picked.value);
  } else {
    if ($("cl-number").value === "") { $("cl-status").textContent = "Type a number first."; return; }
    l.number = Number($("cl-number").value);
  }
  try {
    const out = await postJson("/api/class/answer", l);
    classLesson.version = out.version;
    renderLesson(out);
  } catch (e) {
    $("cl-status").textContent = e.message;
  }
}

async function initClass() {
  $("pick").hidden = true;
  document.querySelector("h1").textContent = "Be the therapist: the class";
  $("cl-send").addEventListener("click", sendAnswer);
  setInterval(pollLesson, 2000);
  try {
    render(await getJson("/api/class/me", new URLSearchParams()));
    status("ready");
    await pollLesson();
  } catch (e) {
    $("join").hidden = false;
    status("join the class to start");
  }
}

async function init() {
  if (inClass) return initClass();
  // A link may carry a preset, a family and the lesson's settings (sliders of the classroom page).
  const hash = new URLSearchParams(location.hash.slice(1));
  for (const k of ["warmth", "challenge", "policy", "repair", "balance", "conflict", "involuntary", "experience", "observed", "prepared"]) {
    if (hash.has(k)) state.lesson.set(k, hash.get(k));
  }
  if (hash.has("family")) $("family").value = hash.get("family");
  if (hash.get("projector") === "true") toggleProjector();
  try {
    const presets = await getJson("/api/presets", new URLSearchParams());
    for (const p of presets) $("preset").appendChild(new Option(p.name, p.name));
    if (hash.has("preset")) $("preset").value = hash.get("preset");
  } catch (e) {
    status(e.message, true);
    return;
  }
  if ([...state.lesson.keys()].length) {
    $("lesson-note").textContent = "Settings from the link: " + [...state.lesson.entries()].map((e) => e[0] + " " + e[1]).join(", ") + ".";
  }
  start();
}

function toggleProjector() {
  const on = !document.body.classList.contains("projector");
  document.body.classList.toggle("projector", on);
  $("projector").setAttribute("aria-pressed", String(on));
}

$("start").addEventListener("click", start);
$("join-button").addEventListener("click", join);
$("step").addEventListener("click", step);
$("policy").addEventListener("click", showPolicy);
$("debrief-button").addEventListener("click", debrief);
$("projector").addEventListener("click", toggleProjector);
for (const id of ["challenge", "support"]) {
  $(id).addEventListener("input", () => { $(id + "-value").textContent = fmt($(id).value); });
}
$("after-title").tabIndex = -1;
init();
