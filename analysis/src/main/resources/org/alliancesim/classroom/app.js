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
    updateLink();
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

// ---- Link to this setting: the settings live in the URL's fragment (#preset=...&challenge=0.20),
// which never reaches the server; a link is restored on load, and what it holds that is unknown
// or out of range is ignored with a notice.

function linkSettings() {
  const q = settingsQuery("");
  if ($("family").value !== "0") q.set("family", $("family").value);
  if (document.body.classList.contains("projector")) q.set("projector", "true");
  return q;
}

function updateLink() {
  const url = location.origin + location.pathname + "#" + linkSettings().toString();
  history.replaceState(null, "", url);
  $("link").value = url;
  $("settings-summary").textContent = summary();
}

/** The settings in words, for a printed page. */
function summary() {
  const parts = ["Scenario " + $("preset").value];
  for (const id of sliders) {
    if (touched.has(id)) parts.push(labelOf(id) + " " + Number($(id).value).toFixed(2));
  }
  for (const id of selects) {
    if ($(id).value) parts.push(labelOf(id) + " " + $(id).value);
  }
  for (const id of ["observed", "prepared"]) {
    if (touched.has(id)) parts.push(labelOf(id) + (($(id).checked) ? ": yes" : ": no"));
  }
  return parts.join("; ");
}

function labelOf(id) {
  return $(id).labels[0].textContent.trim();
}

/** A value from a link as quoted in the notice: at most 40 characters. */
function cut(text) {
  return text.length > 40 ? text.slice(0, 40) + "…" : text;
}

/** Applies a link's settings; returns what was ignored, one phrase each. */
function applyLink(fragment) {
  const ignored = [];
  const q = new URLSearchParams(fragment);
  const preset = q.get("preset");
  if (preset !== null) {
    if ([...$("preset").options].some((o) => o.value === preset)) {
      $("preset").value = preset;
      describePreset();
    } else {
      ignored.push(`preset '${cut(preset)}' (no such scenario)`);
    }
  }
  for (const [key, value] of q) {
    if (key === "preset") continue;
    const input = $(key);
    if (sliders.includes(key)) {
      const x = Number(value);
      const min = Number(input.min), max = Number(input.max);
      if (value.trim() === "" || !Number.isFinite(x) || x < min || x > max) {
        ignored.push(`${key} '${cut(value)}' (a number from ${min} to ${max})`);
        continue;
      }
      input.value = x;
      touched.add(key);
      $(key + "-value").textContent = Number(input.value).toFixed(2);
    } else if (selects.includes(key)) {
      if (value && [...input.options].some((o) => o.value === value)) input.value = value;
      else ignored.push(`${key} '${cut(value)}' (one of ${[...input.options].map((o) => o.value).filter((v) => v).join(", ")})`);
    } else if (key === "observed" || key === "prepared") {
      if (value === "true" || value === "false") {
        input.checked = value === "true";
        touched.add(key);
      } else {
        ignored.push(`${key} '${cut(value)}' (true or false)`);
      }
    } else if (key === "family") {
      if (/^[0-9]{1,4}$/.test(value)) input.value = String(Number(value));
      else ignored.push(`family '${cut(value)}' (a whole number from 0)`);
    } else if (key === "projector") {
      if (value === "true") setProjector(true);
      else if (value !== "false") ignored.push(`projector '${cut(value)}' (true or false)`);
    } else {
      ignored.push(`'${cut(key)}' (not a setting)`);
    }
  }
  return ignored;
}

async function copyLink() {
  updateLink();
  $("link").focus();
  $("link").select();
  try {
    await navigator.clipboard.writeText($("link").value);
    $("link-notice").textContent = "Link copied.";
  } catch (e) {
    $("link-notice").textContent = "Select the link above and copy it.";
  }
}

function setProjector(on) {
  document.body.classList.toggle("projector", on);
  $("projector").setAttribute("aria-pressed", String(on));
}

// ---- Downloads: the chart on the page as an SVG file, or as a PNG drawn from it on a canvas
// (the SVG is loaded as an image from a blob: URL, which the page's policy allows for images only).

const CHART_WIDTH = 1000, CHART_HEIGHT = 600, PNG_SCALE = 2;

/** The chart in element {@code id} as a standalone SVG document, or null if none is drawn yet. */
function chartSvg(id) {
  const svg = $(id).querySelector("svg");
  if (!svg) return null;
  const copy = svg.cloneNode(true);
  copy.setAttribute("xmlns", svg.namespaceURI);   // the SVG namespace, for a file read on its own
  copy.setAttribute("width", String(CHART_WIDTH));
  copy.setAttribute("height", String(CHART_HEIGHT));
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
}

function pngOf(svgText) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = CHART_WIDTH * PNG_SCALE;
      canvas.height = CHART_HEIGHT * PNG_SCALE;
      const g = canvas.getContext("2d");
      g.fillStyle = "#fff";
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((png) => (png ? resolve(png) : reject(new Error("the browser could not encode a PNG"))), "image/png");
    };
    img.onerror = () => { URL.revokeObjectURL(url); reject(new Error("the chart could not be drawn as an image")); };
    img.src = url;
  });
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

async function download(chart, format) {
  const svg = chartSvg(chart);
  if (svg === null) {
    $("status").textContent = "nothing to download yet: the chart is not drawn";
    return;
  }
  const name = `${$("preset").value}-${chart === "story-chart" ? "family-" + $("family").value : chart}.${format}`;
  try {
    const blob = format === "svg" ? new Blob([svg], { type: "image/svg+xml" }) : await pngOf(svg);
    save(blob, name);
    $("status").textContent = "downloaded " + name;
  } catch (e) {
    $("status").textContent = "error: " + e.message;
    $("status").classList.add("error");
  }
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
  $("family").addEventListener("change", updateLink);
  $("link-copy").addEventListener("click", copyLink);
  $("projector").addEventListener("click", () => {
    setProjector(!document.body.classList.contains("projector"));
    updateLink();
  });
  $("print").addEventListener("click", () => window.print());
  for (const b of document.querySelectorAll("button[data-chart]")) {
    b.addEventListener("click", () => download(b.dataset.chart, b.dataset.format));
  }
  // A link pasted into the address bar of an open page changes only the fragment: apply it too.
  window.addEventListener("hashchange", () => { resetControls(); restoreFromLink(); });
  loadPresets().then(restoreFromLink);
}

function restoreFromLink() {
  const fragment = location.hash.replace(/^#/, "");
  if (fragment) {
    const ignored = applyLink(fragment);
    $("link-notice").textContent = ignored.length === 0 ? "Settings restored from the link."
      : "Settings restored from the link, except (ignored): " + ignored.join("; ") + ".";
  }
  runNow();
}

init();
