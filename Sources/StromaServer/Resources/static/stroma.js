// Stroma workbench: small progressive enhancements (the pages work without JavaScript).
"use strict";

// Click a table header to sort a table marked class="sortable" (numbers numerically, text alphabetically).
function makeSortable(table) {
  const headers = table.querySelectorAll("thead th");
  headers.forEach((th, column) => {
    th.classList.add("sortable-header");
    th.tabIndex = 0;
    const sort = () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach((other) => other.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      const value = (row) => (row.cells[column] ? row.cells[column].textContent.trim() : "");
      rows.sort((a, b) => {
        const x = value(a), y = value(b);
        const nx = parseFloat(x), ny = parseFloat(y);
        const order = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
        return ascending ? order : -order;
      });
      rows.forEach((row) => body.appendChild(row));
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (event) => { if (event.key === "Enter") { sort(); } });
  });
}

// A "Copy" button next to each shown command.
function addCopyButtons() {
  document.querySelectorAll("[data-copy]").forEach((button) => {
    button.addEventListener("click", () => {
      const target = document.getElementById(button.getAttribute("data-copy"));
      if (!target || !navigator.clipboard) { return; }
      navigator.clipboard.writeText(target.textContent).then(() => {
        button.textContent = "Copied";
        setTimeout(() => { button.textContent = "Copy"; }, 1500);
      }, () => {});
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("table.sortable").forEach(makeSortable);
  addCopyButtons();
});
