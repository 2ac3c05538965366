// A lesson: steps with a preset and controls, a prediction, a run, a reveal and an explanation.
// Lesson text arrives as HTML the server made from Markdown with raw HTML escaped.
"use strict";

const $ = (id) => document.getElementById(id);
const lesson = { data: null, step: 0 };

async function getJson(path, q) {
  const res = await fetch(path + (q ? "?" + q.toString() : ""));
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function status(text, error) {
  $("status").textContent = text;
  $("status").classList.toggle("error", !!error);
}

function listOf(id, items) {
  const ul = $(id);
  ul.replaceChildren();
  for (const html of items) {
    const li = document.createElement("li");
    li.innerHTML = html;
    ul.appendChild(li);
  }
}

function settingsQuery(s) {
  const q = new URLSearchParams();
  q.set("preset", s.preset);
  for (const [k, v] of Object.entries(s.settings)) q.set(k, v);
  return q;
}

function showStep(focus) {
  const d = lesson.data;
  const s = d.steps[lesson.step];
  $("step-count").textContent = "Step " + (lesson.step + 1) + " of " + d.steps.length;
  $("step-title").textContent = s.title;
  $("step-text").innerHTML = s.text_html;
  const words = Object.entries(s.settings).map((e) => e[0] + " " + e[1]);
  $("step-settings").textContent = s.preset ? "Scenario " + s.preset + (words.length ? "; " + words.join(", ") : "") : "";
  $("prediction").hidden = s.kind === "none";
  $("question").innerHTML = s.question_html;
  $("choice-box").hidden = s.kind !== "choice";
  $("number-box").hidden = s.kind !== "number";
  radioChoices($("choice-list"), "choice", s.choices);
  $("number-label").textContent = "Your guess" + (s.metric ? ": " + (s.metric_label || s.metric) + (isShare(s.metric) ? " (in %)" : "") : "");
  $("number-guess").value = "";
  $("run").disabled = !s.preset;
  $("prev").disabled = lesson.step === 0;
  $("next").disabled = lesson.step === d.steps.length - 1;
  $("reveal").hidden = true;
  status("");
  const hash = new URLSearchParams(settingsQuery(s));
  $("practice-link").href = "/practice#" + hash.toString();
  history.replaceState(null, "", "#lesson=" + encodeURIComponent(d.name) + "&step=" + (lesson.step + 1)
    + (document.body.classList.contains("projector") ? "&projector=true" : ""));
  if (focus) $("step-title").focus();
}

async function runStep() {
  const s = lesson.data.steps[lesson.step];
  status("running…");
  try {
    const r = await getJson("/api/run", settingsQuery(s));
    const cells = [];
    const box = $("headline");
    box.replaceChildren();
    for (const [key, m] of Object.entries(r.headline)) {
      const div = document.createElement("div");
      div.className = "metric";
      const name = document.createElement("div");
      name.className = "name";
      name.textContent = m.label;
      const value = document.createElement("div");
      value.className = "value";
      value.textContent = fmtMetric(key, m.mean);
      div.append(name, value);
      box.appendChild(div);
      cells.push(div);
    }
    let verdict = "";
    if (s.kind === "choice") {
      const picked = document.querySelector("input[name=choice]:checked");
      const right = s.choices[s.answer];
      verdict = picked === null ? "The answer: " + right + "."
        : Number(picked.value) === s.answer ? "Your prediction, " + right + ", is what the model shows."
        : "You predicted " + s.choices[Number(picked.value)] + "; the model shows " + right + ".";
    } else if (s.kind === "number") {
      const m = r.headline[s.metric];
      const guess = $("number-guess").value;
      const value = isShare(s.metric) ? 100 * m.mean : m.mean;
      verdict = (guess === "" ? "" : "You guessed " + guess + (isShare(s.metric) ? "%" : "") + "; ")
        + "the model gives " + fmtMetric(s.metric, m.mean) + " (95% interval " + fmtMetric(s.metric, m.low) + " to " + fmtMetric(s.metric, m.high) + ")"
        + (guess === "" ? "." : ", " + Math.abs(Number(guess) - value).toFixed(isShare(s.metric) ? 0 : 2) + (isShare(s.metric) ? " points" : "") + " away.");
    }
    $("verdict").textContent = verdict;
    $("explain").innerHTML = s.explain_html;
    $("retention").innerHTML = r.retention_svg;
    $("reveal").hidden = false;
    status("revealed");
  } catch (e) {
    status(e.message, true);
  }
}

async function loadLesson(name, step) {
  try {
    lesson.data = await getJson("/api/lesson", new URLSearchParams({ name }));
  } catch (e) {
    status(e.message, true);
    return;
  }
  const d = lesson.data;
  $("lesson-title").textContent = d.title;
  document.title = "alliancesim lesson: " + d.title;
  $("lesson-summary").innerHTML = d.summary_html;
  $("aims").innerHTML = d.teacher.aims_html;
  $("timing").innerHTML = d.teacher.timing_html;
  listOf("misconceptions", d.teacher.misconceptions_html);
  listOf("questions", d.teacher.questions_html);
  $("lesson-pick").value = name;
  lesson.step = Math.max(0, Math.min(d.steps.length - 1, (step || 1) - 1));
  showStep(false);
}

function toggleProjector() {
  const on = !document.body.classList.contains("projector");
  document.body.classList.toggle("projector", on);
  $("projector").setAttribute("aria-pressed", String(on));
  if (lesson.data) showStep(false);
}

async function init() {
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get("projector") === "true") toggleProjector();
  const list = await getJson("/api/lessons");
  for (const l of list) $("lesson-pick").appendChild(new Option(l.title, l.name));
  const name = hash.get("lesson") && list.some((l) => l.name === hash.get("lesson")) ? hash.get("lesson") : list[0].name;
  await loadLesson(name, parseInt(hash.get("step") || "1", 10) || 1);
}

$("lesson-pick").addEventListener("change", () => loadLesson($("lesson-pick").value, 1));
$("run").addEventListener("click", runStep);
$("prev").addEventListener("click", () => { lesson.step--; showStep(true); });
$("next").addEventListener("click", () => { lesson.step++; showStep(true); });
$("projector").addEventListener("click", toggleProjector);
init();
