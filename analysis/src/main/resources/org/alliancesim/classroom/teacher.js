// The teacher's dashboard: polls the class every 2 seconds. Nicknames are written as text only.
"use strict";

const $ = (id) => document.getElementById(id);

async function call(path, body) {
  const res = body === undefined ? await fetch(path)
    : await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const out = await res.json();
  if (!res.ok) throw new Error(out.error || res.statusText);
  return out;
}

function show(d) {
  $("join-code").textContent = d.code;
  $("join-address").textContent = location.host + "/class";
  const body = $("students").tBodies[0];
  body.replaceChildren();
  for (const s of d.students) {
    const row = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = s.nickname;
    row.appendChild(th);
    for (const text of [String(s.sessions), s.ended || "playing",
      s.alliance.map((a, i) => d.members[i] + " " + a.toFixed(2)).join("; "), s.answer || "–"]) {
      const td = document.createElement("td");
      td.textContent = text;
      row.appendChild(td);
    }
  }
  $("retention").innerHTML = d.retention_svg;
  showLesson(d.lesson, d.students.length);
  $("reveal").disabled = d.revealed;
  $("status").textContent = d.students.length + " of " + d.max_students + " students"
    + (d.revealed ? "; debrief revealed" : "") + "; family " + d.family + " of " + d.preset + ".";
}

let lessonKey = "";
let lessonStep = 1;

// The lesson the class plays: the step, how the class answered (counts, or a number's quartiles), the model's answer.
function showLesson(l, students) {
  const running = !!(l && l.running);
  $("lesson-now").hidden = !running;
  $("lesson-prev").disabled = !running || l.step <= 1;
  $("lesson-next").disabled = !running || l.step >= l.steps;
  $("lesson-reveal").disabled = !running || l.revealed;
  $("lesson-stop").disabled = !running;
  if (!running) {
    lessonKey = "";
    return;
  }
  const c = l.current;
  lessonStep = l.step;
  $("lesson-count").textContent = l.title + ": step " + l.step + " of " + l.steps + (l.revealed ? ", revealed to the class" : ", the class is answering");
  $("lesson-step-title").textContent = c.title;
  const key = l.lesson + "/" + l.step;
  if (key !== lessonKey) {
    $("lesson-question").innerHTML = c.question_html;
    lessonKey = key;
  }
  $("lesson-answers-caption").textContent = "The class's answers: " + l.distribution.answers + " of " + students + " students answered";
  fillRows($("lesson-answers").tBodies[0], distributionRows(l));
  $("lesson-answers").hidden = c.kind === "none";
  let model = "";
  if (l.revealed && c.kind === "number" && l.headline && l.headline[c.metric]) {
    const m = l.headline[c.metric];
    model = "The model gives " + fmtMetric(c.metric, m.mean) + " (95% interval " + fmtMetric(c.metric, m.low) + " to "
      + fmtMetric(c.metric, m.high) + ").";
  } else if (l.revealed && c.kind === "choice") {
    model = "The model shows: " + c.choices[l.answer] + ".";
  }
  $("lesson-model").textContent = model;
  $("lesson-explain").innerHTML = l.revealed ? l.explain_html : "";
}

async function lessonCall(path, body) {
  try {
    show(await call(path, body));
    $("lesson-status").textContent = "";
  } catch (e) {
    $("lesson-status").textContent = e.message;
  }
}

async function refresh() {
  try {
    show(await call("/api/class/dashboard"));
  } catch (e) {
    $("status").textContent = e.message;
  }
}

async function init() {
  const presets = await call("/api/presets");
  for (const p of presets) $("preset").appendChild(new Option(p.name, p.name));
  const lessons = await call("/api/lessons");
  for (const l of lessons) $("lesson-pick").appendChild(new Option(l.title, l.name));
  try {
    const d = await call("/api/class/dashboard");
    $("preset").value = d.preset;
    $("family").value = String(d.family);
    show(d);
  } catch (e) {
    $("status").textContent = e.message;
  }
  setInterval(refresh, 2000);
}

$("plan").addEventListener("click", async () => {
  try { show(await call("/api/class/plan", { preset: $("preset").value, family: $("family").value })); }
  catch (e) { $("status").textContent = e.message; }
});
$("reveal").addEventListener("click", async () => {
  try { show(await call("/api/class/reveal", {})); } catch (e) { $("status").textContent = e.message; }
});
$("lesson-start").addEventListener("click", () => lessonCall("/api/class/lesson/start", { lesson: $("lesson-pick").value }));
$("lesson-prev").addEventListener("click", () => lessonCall("/api/class/lesson/step", { step: currentStep() - 1 }));
$("lesson-next").addEventListener("click", () => lessonCall("/api/class/lesson/step", { step: currentStep() + 1 }));
$("lesson-reveal").addEventListener("click", () => {
  $("lesson-status").textContent = "running the step…";
  lessonCall("/api/class/lesson/reveal", {});
});
$("lesson-stop").addEventListener("click", () => lessonCall("/api/class/lesson/stop", {}));
function currentStep() { return lessonStep; }
$("projector").addEventListener("click", () => {
  const on = !document.body.classList.contains("projector");
  document.body.classList.toggle("projector", on);
  $("projector").setAttribute("aria-pressed", String(on));
});
init();
