// What the lesson screens share (lesson.html, the class's student screen and the teacher's dashboard):
// a step's choices as radio buttons, a headline figure in its unit, and how the class answered as table rows.
"use strict";

function isShare(metric) { return !!metric && metric.endsWith("share"); }

/** A headline figure: shares in %, other figures with two decimals; a dash when there is none. */
function fmtMetric(metric, v) {
  if (v === null || v === undefined) return "–";
  return isShare(metric) ? (100 * v).toFixed(0) + "%" : Number(v).toFixed(2);
}

/** Fills {@code list} with one labelled radio button per choice, all named {@code name}. */
function radioChoices(list, name, choices) {
  list.replaceChildren();
  choices.forEach((c, i) => {
    const label = document.createElement("label");
    label.className = "choice";
    const input = document.createElement("input");
    input.type = "radio";
    input.name = name;
    input.value = String(i);
    label.appendChild(input);
    label.appendChild(document.createTextNode(" " + c));
    list.appendChild(label);
  });
}

/** How the class answered a step, as [answer, students] rows: a count per choice, or a number's quartiles. */
function distributionRows(l) {
  const rows = [];
  const c = l.current;
  if (c.kind === "choice" && l.distribution.counts) {
    c.choices.forEach((choice, i) => rows.push([choice + (l.answer === i ? " (the model's answer)" : ""), String(l.distribution.counts[i])]));
  } else if (c.kind === "number" && l.distribution.median !== undefined) {
    for (const [k, label] of [["lowest", "Lowest"], ["lower_quartile", "Lower quartile"], ["median", "Median"],
      ["upper_quartile", "Upper quartile"], ["highest", "Highest"]]) rows.push([label, String(l.distribution[k])]);
  }
  return rows;
}

/** Replaces {@code body}'s rows with these, the first cell of each a row header. Text only. */
function fillRows(body, rows) {
  body.replaceChildren();
  for (const [a, b] of rows) {
    const row = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = a;
    row.appendChild(th);
    const td = document.createElement("td");
    td.textContent = b;
    row.appendChild(td);
  }
}
