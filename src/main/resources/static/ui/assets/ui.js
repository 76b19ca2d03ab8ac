// Draws the session page's charts from the JSON in #charts[data-chart] (numbers only), with uPlot,
// once htmx has fetched that section.
(function () {
  "use strict";
  var charts = [];

  function width(el) {
    return Math.max(260, Math.floor(el.getBoundingClientRect().width));
  }

  // History entries are whole numbers: no tick at 1.25.
  var entryAxis = { label: "step (history entry)", incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] };

  function draw() {
    var holder = document.getElementById("charts");
    if (!holder || !holder.hasAttribute("data-chart") || holder.hasAttribute("data-drawn") || typeof uPlot === "undefined") {
      return;
    }
    holder.setAttribute("data-drawn", "");
    charts = [];
    var data = JSON.parse(holder.getAttribute("data-chart"));
    window.textoptChartData = data;
    var lossEl = document.getElementById("loss-chart");
    var usageEl = document.getElementById("usage-chart");
    if (data.loss.length > 0) {
      charts.push(new uPlot({
        width: width(lossEl), height: 220,
        scales: { x: { time: false } },
        axes: [entryAxis, { label: "loss" }],
        series: [{ label: "entry" }, { label: "loss", stroke: "#d92d20", width: 2, points: { show: true, size: 7 }, spanGaps: true }]
      }, [data.x, data.loss], lossEl));
    } else {
      lossEl.hidden = true;
      holder.querySelector(".empty-loss").hidden = false;
    }
    if (data.x.length === 0) {
      usageEl.textContent = "No steps yet.";
      usageEl.className = "muted small";
      return;
    }
    charts.push(new uPlot({
      width: width(usageEl), height: 220,
      scales: { x: { time: false }, tokens: {}, cost: {} },
      axes: [entryAxis, { scale: "tokens", label: "tokens" },
             { scale: "cost", side: 1, label: "cost (" + data.currency + ")", grid: { show: false } }],
      series: [{ label: "entry" },
               { label: "tokens", scale: "tokens", stroke: "#1f5fbf", width: 2, points: { show: true, size: 7 } },
               { label: "cost", scale: "cost", stroke: "#12b76a", width: 2, dash: [6, 4], points: { show: true, size: 7 }, spanGaps: false }]
    }, [data.x, data.tokens, data.cost], usageEl));
    window.textoptCharts = charts;
  }

  // A training run's page: train score per step (points), validation score (line), the best validation ringed.
  function drawRun() {
    var holder = document.getElementById("run-chart-data");
    if (!holder || holder.hasAttribute("data-drawn") || typeof uPlot === "undefined") {
      return;
    }
    holder.setAttribute("data-drawn", "");
    var data = JSON.parse(holder.getAttribute("data-run-chart"));
    window.textoptRunChartData = data;
    var el = document.getElementById("run-chart");
    if (data.x.length === 0) {
      el.textContent = "No score yet.";
      el.className = "muted small";
      return;
    }
    var best = data.x.map(function (x, i) { return x === data.best ? data.validation[i] : null; });
    charts.push(new uPlot({
      width: width(el), height: 240,
      scales: { x: { time: false }, y: { range: [0, 1] } },
      axes: [entryAxis, { label: "score" }],
      series: [{ label: "entry" },
               { label: "train", stroke: "#1f5fbf", width: 0, points: { show: true, size: 7 } },
               { label: "validation", stroke: "#12b76a", width: 2, points: { show: true, size: 7 }, spanGaps: true },
               { label: "best", stroke: "#d92d20", width: 0, points: { show: true, size: 14, fill: "transparent", width: 2 } }]
    }, [data.x, data.train, data.validation, best], el));
    window.textoptRunChart = charts[charts.length - 1];
  }

  window.addEventListener("resize", function () {
    charts.forEach(function (c) {
      c.setSize({ width: width(c.root.parentNode), height: 220 });
    });
  });
  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("DOMContentLoaded", drawRun);
  // Requests htmx makes carry the page's CSRF token, as its forms do (Spring Security refuses a POST without one).
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("meta[name='_csrf']");
    var header = document.querySelector("meta[name='_csrf_header']");
    if (token && header) {
      event.detail.headers[header.getAttribute("content")] = token.getAttribute("content");
    }
  });
  // The charts' section arrives after the page, through htmx.
  document.addEventListener("htmx:afterSettle", draw);
})();
