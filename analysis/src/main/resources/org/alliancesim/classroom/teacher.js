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
      s.alliance.map((a, i) => d.members[i] + " " + a.toFixed(2)).join("; ")]) {
      const td = document.createElement("td");
      td.textContent = text;
      row.appendChild(td);
    }
  }
  $("retention").innerHTML = d.retention_svg;
  $("reveal").disabled = d.revealed;
  $("status").textContent = d.students.length + " of " + d.max_students + " students"
    + (d.revealed ? "; debrief revealed" : "") + "; family " + d.family + " of " + d.preset + ".";
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
$("projector").addEventListener("click", () => {
  const on = !document.body.classList.contains("projector");
  document.body.classList.toggle("projector", on);
  $("projector").setAttribute("aria-pressed", String(on));
});
init();
