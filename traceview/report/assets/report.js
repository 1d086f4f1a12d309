// traceview report: timeline zoom/pan and the sortable, filterable task table.
// Reads only the DOM and the JSON block; never evaluates report text.
(function () {
  "use strict";

  function setupTimeline() {
    var svg = document.getElementById("timeline");
    if (!svg) { return; }
    var full0 = Number(svg.dataset.start), full1 = Number(svg.dataset.end);
    var left = Number(svg.dataset.labelW), width = Number(svg.dataset.plotW);
    var height = Number(svg.getAttribute("height"));
    var meta = JSON.parse(document.getElementById("report-meta").textContent);
    var view = [full0, full1];
    var items = svg.querySelectorAll("[data-t0]");
    var axis = document.getElementById("axis");
    var NS = "http://www.w3.org/2000/svg";

    function px(t) { return left + (t - view[0]) / (view[1] - view[0]) * width; }

    function place() {
      items.forEach(function (el) {
        var t0 = Number(el.dataset.t0);
        if (el.tagName === "rect") {
          var t1 = Number(el.dataset.t1), x0 = px(t0), x1 = px(t1);
          el.setAttribute("x", x0.toFixed(2));
          el.setAttribute("width", Math.max(x1 - x0, 2).toFixed(2));
        } else {
          el.setAttribute("x", px(t0).toFixed(2));
          el.style.display = (px(t0) < left - 2 || px(t0) > left + width + 2) ? "none" : "";
        }
      });
      drawAxis();
    }

    var STEPS = [0.001, 0.01, 0.1, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600,
      7200, 10800, 21600, 43200, 86400, 172800, 604800];

    function label(t, step) {
      var d = new Date(t * 1000), pad = function (n, w) { return String(n).padStart(w || 2, "0"); };
      var s = pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes());
      if (step < 60) { s += ":" + pad(d.getUTCSeconds()); }
      if (step < 1) { s += "." + pad(d.getUTCMilliseconds(), 3); }
      if (step >= 86400) { s = d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()); }
      return s;
    }

    function drawAxis() {
      while (axis.firstChild) { axis.removeChild(axis.firstChild); }
      var span = view[1] - view[0], step = STEPS[STEPS.length - 1];
      for (var i = 0; i < STEPS.length; i++) { if (span / STEPS[i] <= 9) { step = STEPS[i]; break; } }
      var first = Math.ceil(view[0] / step) * step;
      for (var t = first; t <= view[1] + 1e-9; t += step) {
        var x = px(t);
        var line = document.createElementNS(NS, "line");
        line.setAttribute("class", "tick");
        line.setAttribute("x1", x); line.setAttribute("x2", x);
        line.setAttribute("y1", 18); line.setAttribute("y2", height);
        axis.appendChild(line);
        var text = document.createElementNS(NS, "text");
        text.setAttribute("class", "tick-label");
        text.setAttribute("x", x + 3); text.setAttribute("y", 14);
        text.textContent = label(t, step);
        axis.appendChild(text);
      }
      var zone = document.createElementNS(NS, "text");
      zone.setAttribute("class", "tick-label end");
      zone.setAttribute("x", left + width - 2); zone.setAttribute("y", 26);
      zone.textContent = meta.utc ? "UTC" : "log's local time";
      axis.appendChild(zone);
    }

    function zoom(factor, centre) {
      var span = view[1] - view[0], fullSpan = full1 - full0;
      var newSpan = Math.min(Math.max(span * factor, 0.01), fullSpan);
      var c = centre === undefined ? (view[0] + view[1]) / 2 : centre;
      var ratio = (c - view[0]) / span;
      var start = c - ratio * newSpan;
      setView(start, start + newSpan);
    }

    function setView(start, end) {
      var span = end - start;
      if (start < full0) { start = full0; end = start + span; }
      if (end > full1) { end = full1; start = Math.max(full0, end - span); }
      view = [start, end];
      place();
    }

    function timeAt(clientX) {
      var box = svg.getBoundingClientRect();
      var x = (clientX - box.left) * (Number(svg.getAttribute("width")) / box.width);
      return view[0] + (x - left) / width * (view[1] - view[0]);
    }

    document.querySelectorAll("[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var what = button.dataset.zoom;
        if (what === "in") { zoom(0.5); } else if (what === "out") { zoom(2); } else { setView(full0, full1); }
      });
    });
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      zoom(event.deltaY < 0 ? 0.8 : 1.25, timeAt(event.clientX));
    }, { passive: false });
    var drag = null;
    svg.addEventListener("mousedown", function (event) {
      if (event.target.closest("a")) { return; }
      drag = { x: event.clientX, view: view.slice() };
      svg.classList.add("dragging");
    });
    window.addEventListener("mousemove", function (event) {
      if (!drag) { return; }
      var box = svg.getBoundingClientRect();
      var dt = (event.clientX - drag.x) * (Number(svg.getAttribute("width")) / box.width) / width * (drag.view[1] - drag.view[0]);
      setView(drag.view[0] - dt, drag.view[1] - dt);
    });
    window.addEventListener("mouseup", function () { drag = null; svg.classList.remove("dragging"); });
    place();
  }

  function setupTable() {
    var table = document.getElementById("task-table");
    if (!table) { return; }
    var body = table.tBodies[0];
    table.querySelectorAll("th[data-col]").forEach(function (th) {
      function sort() {
        var col = Number(th.dataset.col);
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        table.querySelectorAll("th").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
          var nx = Number(x), ny = Number(y);
          var cmp = (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
          return cmp * dir;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) { if (event.key === "Enter") { sort(); } });
    });
    var boxes = document.querySelectorAll(".table-filter input[type=checkbox]");
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var shown = {};
        boxes.forEach(function (b) { shown[b.value] = b.checked; });
        Array.prototype.forEach.call(body.rows, function (row) {
          row.hidden = !shown[row.dataset.state];
        });
      });
    });
  }

  setupTimeline();
  setupTable();
})();
