// A little progressive enhancement; every page works without it.
document.addEventListener("DOMContentLoaded", () => {
  // Chart legend: tick boxes show or hide a series (quad class bars, Goldstein line).
  document.querySelectorAll(".chart-legend input[data-series]").forEach((box) => {
    box.addEventListener("change", () => {
      const chart = box.closest("figure").querySelector("svg.chart");
      chart.classList.toggle("hide-" + box.dataset.series, !box.checked);
    });
  });
  // Changing the period re-draws the chart at once.
  document.querySelectorAll("select.autosubmit").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
  // Codes are upper case; accept what people type.
  document.querySelectorAll('input[name="actor"], input[name="a"], input[name="b"]').forEach((input) => {
    input.addEventListener("change", () => { input.value = input.value.trim().toUpperCase(); });
  });
});
