// Draws each chart whose Plotly spec the page embeds as JSON (Plotly is served locally).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("div.chart[data-spec]").forEach(function (div) {
    var source = document.getElementById(div.getAttribute("data-spec"));
    if (!source || typeof Plotly === "undefined") { return; }
    var spec = JSON.parse(source.textContent);
    if (!spec.data.length || spec.data.every(function (t) { return !t.x.length; })) {
      div.textContent = "No dated events to chart.";
      div.classList.add("empty");
      return;
    }
    Plotly.newPlot(div, spec.data, spec.layout, {displaylogo: false, responsive: true}).then(function () {
      div.setAttribute("data-rendered", "true");
    });
  });
});
