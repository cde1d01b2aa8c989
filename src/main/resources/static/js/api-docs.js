// Lists the API's operations from the OpenAPI document into the table on /api.
(function () {
  var table = document.getElementById("api-operations");
  if (!table) { return; }
  fetch(table.dataset.source, { headers: { Accept: "application/json" } })
    .then(function (response) { return response.json(); })
    .then(function (api) {
      var body = table.querySelector("tbody");
      Object.keys(api.paths || {}).sort().forEach(function (path) {
        var operations = api.paths[path];
        Object.keys(operations).forEach(function (method) {
          var row = document.createElement("tr");
          [method.toUpperCase(), path, operations[method].summary || ""].forEach(function (text, i) {
            var cell = document.createElement("td");
            if (i < 2) { var code = document.createElement("code"); code.textContent = text; cell.appendChild(code); }
            else { cell.textContent = text; }
            row.appendChild(cell);
          });
          body.appendChild(row);
        });
      });
    });
})();
