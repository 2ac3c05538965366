// The classroom page: no libraries, no network beyond this server.
"use strict";

const sliders = ["warmth", "challenge", "repair", "balance", "conflict", "involuntary"];
const selects = ["policy", "experience"];
const touched = new Set();
let previous = null;      // the query of the last completed run, for compare mode
let current = null;
let pending = null;       // AbortController of the run in flight
let timer = null;
const story = { sessions: [], header: "", ending: "", step: 0, query: "" };

const $ = (id) => document.getElementById(id);

function settingsQuery(prefix) {
  const q = new URLSearchParams();
  q.set(prefix + "preset", $("preset").value);
  for (const id of sliders) {
    if (touched.has(id)) q.set(prefix + id, $(id).value);
  }
  for (const id of selects) {
    if ($(id).value) q.set(prefix + id, $(id).value);
  }
  if (touched.has("observed")) q.set(prefix + "observed", $("observed").checked);
  if (touched.has("prepared")) q.set(prefix + "prepared", $("prepared").checked);
  return q;
}

function resetControls() {
  touched.clear();
  for (const id of sliders) $(id + "-value").textContent = "preset";
  for (const id of selects) $(id).value = "";
  $("observed").checked = false;
  $("prepared").checked = false;
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(runNow, 250);
}

async function runNow() {
  const q = settingsQuery("");
  const compare = $("compare").checked && previous !== null;
  if (compare) {
    q.set("compare", "true");
    for (const [k, v] of previous) q.set("ghost." + k, v);
  }
  if (pending) pending.abort();
  pending = new AbortController();
  $("status").textContent = "running…";
  $("status").classList.remove("error");
  try {
    const res = await fetch("/api/run?" + q.toString(), { signal: pending.signal });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || res.statusText);
    show(body, compare);
    previous = current;
    current = settingsQuery("");
    if (previous === null) previous = current;
    $("status").textContent = `ready: ${body.reps} replications x ${body.families} families in ${body.seconds.toFixed(2)} s`;
  } catch (e) {
    if (e.name === "AbortError") return;
    $("status").textContent = "error: " + e.message;
    $("status").classList.add("error");
  }
}

function fmt(x, digits) {
  return x === null || x === undefined ? "–" : Number(x).toFixed(digits);
}

function show(body, compare) {
  const h = body.headline;
  const g = body.ghost_headline;
  const cells = [];
  for (const key of Object.keys(h)) {
    const m = h[key];
    const pct = key.endsWith("share");
    const d = pct ? 0 : 2;
    const scale = pct ? 100 : 1;
    const unit = pct ? "%" : "";
    let ghost = "";
    if (compare && g) ghost = `<div class="ghost">before: ${fmt(g[key].mean * scale, d)}${unit}</div>`;
    cells.push(`<div class="metric" data-key="${key}"><div class="name">${m.label}</div>` +
      `<div class="value">${fmt(m.mean * scale, d)}${unit}</div>` +
      `<div class="ci">95% CI ${fmt(m.low * scale, d)} to ${fmt(m.high * scale, d)}${unit}</div>${ghost}</div>`);
  }
  $("headline").innerHTML = cells.join("");
  $("retention").innerHTML = body.retention_svg;
  $("alliance").innerHTML = body.alliance_svg;
}

async function loadPresets() {
  const res = await fetch("/api/presets");
  const presets = await res.json();
  for (const p of presets) {
    const o = document.createElement("option");
    o.value = p.name;
    o.textContent = p.name;
    o.dataset.description = p.description;
    $("preset").appendChild(o);
  }
  describePreset();
}

function describePreset() {
  const o = $("preset").selectedOptions[0];
  $("preset-description").textContent = o ? o.dataset.description : "";
}

async function loadStory() {
  const q = settingsQuery("");
  q.set("family", $("family").value);
  $("story-text").textContent = "…";
  const res = await fetch("/api/story?" + q.toString());
  const body = await res.json();
  if (!res.ok) {
    $("story-text").textContent = "error: " + body.error;
    return;
  }
  story.sessions = body.sessions;
  story.header = body.header;
  story.ending = body.ending;
  story.query = q.toString();
  story.step = 0;
  renderStory();
}

function renderStory() {
  const n = story.sessions.length;
  const s = story.step;   // 0 = the family before therapy; 1..n = sessions; n + 1 = the ending
  let text = story.header;
  if (s >= 1 && s <= n) text = story.sessions[s - 1].text;
  if (s === n + 1) text = story.ending;
  $("story-text").textContent = text;
  $("story-step").textContent = s === 0 ? "before the first session" : s <= n ? `session ${s} of ${n}` : "how it ended";
  $("story-prev").disabled = s === 0;
  $("story-next").disabled = s === n + 1;
  const upto = Math.min(s, n);
  fetch("/api/story/chart?" + story.query + "&upto=" + upto)
    .then((r) => r.text())
    .then((svg) => { $("story-chart").innerHTML = svg.replace(/^<\?xml[^>]*>/, ""); });
}

function init() {
  for (const id of sliders) {
    $(id).addEventListener("input", () => {
      touched.add(id);
      $(id + "-value").textContent = Number($(id).value).toFixed(2);
      schedule();
    });
  }
  for (const id of selects) $(id).addEventListener("change", schedule);
  for (const id of ["observed", "prepared"]) {
    $(id).addEventListener("change", () => { touched.add(id); schedule(); });
  }
  $("compare").addEventListener("change", schedule);
  $("preset").addEventListener("change", () => { describePreset(); resetControls(); schedule(); });
  $("story-load").addEventListener("click", loadStory);
  $("story-prev").addEventListener("click", () => { story.step--; renderStory(); });
  $("story-next").addEventListener("click", () => { story.step++; renderStory(); });
  loadPresets().then(runNow);
}

init();
