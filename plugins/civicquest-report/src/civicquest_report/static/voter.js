/*
 * The voter page: reads the answers of the form, computes the agreement with each list for
 * every published method (civicquest-match.js, the numbers of `civicquest match`), and shows
 * it in the live region. Texts from the data go to the page through textContent only.
 * Nothing leaves the browser: no request, no storage.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("cq-voter-data").textContent);
  var tables = data.tables;
  var words = data.words;
  var form = document.getElementById("cq-voter");
  var results = document.getElementById("cq-results");
  var matchers = tables.methods.map(function (method) {
    return CivicquestMatch.matcher(tables, method.key);
  });

  function percent(value) {
    if (value === null) return "–";
    return words.percent.replace("{}", String(CivicquestMatch.roundHalfUp(value)));
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // The voter's answers from the form: levels (-1 = skipped) and importance flags.
  function answers() {
    var levels = [];
    var important = [];
    tables.questions.forEach(function (question) {
      var chosen = form.querySelector('input[name="v-' + CSS.escape(question.id) + '"]:checked');
      levels.push(chosen ? parseInt(chosen.value, 10) : -1);
      important.push(document.getElementById("v-" + question.id + "-important").checked);
    });
    return { levels: levels, important: important };
  }

  function compute(voter) {
    return matchers.map(function (matcher) {
      return matcher.match(voter.levels, voter.important);
    });
  }

  function table(report) {
    var grid = element("table", undefined, "voter-table");
    var head = grid.createTHead().insertRow();
    [words.rank, words.list, words.overall].concat(tables.themes.map(function (theme) {
      return data.themes[theme];
    })).forEach(function (title) {
      var cell = element("th", title);
      cell.scope = "col";
      head.appendChild(cell);
    });
    var body = grid.createTBody();
    report.lists.forEach(function (item) {
      var row = body.insertRow();
      row.dataset.list = item.respondent;
      row.appendChild(element("td", (item.tied ? "=" : "") + item.rank));
      var name = element("th", item.name, "user-text");
      name.scope = "row";
      row.appendChild(name);
      row.appendChild(element("td", percent(item.agreement), "voter-overall"));
      item.themes.forEach(function (theme) {
        var cell = element("td", percent(theme.agreement));
        if (theme.agreement === null) cell.title = words.none;
        row.appendChild(cell);
      });
    });
    return grid;
  }

  function render(reports) {
    var fragment = document.createDocumentFragment();
    if (reports.length && reports[0].empty) {
      fragment.appendChild(element("p", words.empty));
    } else {
      fragment.appendChild(
        element("p", words.summary.replace("{count}", String(reports[0].questions.length)))
      );
      reports.forEach(function (report, index) {
        var section = element("section", undefined, "voter-method");
        section.dataset.method = tables.methods[index].key;
        section.appendChild(element("h3", data.methods[tables.methods[index].key]));
        var scroll = element("div", undefined, "voter-scroll");
        scroll.appendChild(table(report));
        section.appendChild(scroll);
        fragment.appendChild(section);
      });
    }
    results.replaceChildren(fragment);
  }

  function update() {
    render(compute(answers()));
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });

  // For tests and benchmarks: set every answer at once, then read what the page shows.
  window.CivicquestVoter = {
    compute: compute,
    update: update,
    set: function (levels, important) {
      tables.questions.forEach(function (question, q) {
        var id = "v-" + question.id + "-" + (levels[q] < 0 ? "skip" : levels[q]);
        document.getElementById(id).checked = true;
        document.getElementById("v-" + question.id + "-important").checked = !!important[q];
      });
      update();
    },
    shown: function () {
      return Array.prototype.map.call(results.querySelectorAll("section"), function (section) {
        return {
          method: section.dataset.method,
          rows: Array.prototype.map.call(section.querySelectorAll("tbody tr"), function (row) {
            return [row.dataset.list].concat(
              Array.prototype.map.call(row.cells, function (cell) {
                return cell.textContent;
              })
            );
          })
        };
      });
    }
  };
  update();
})();
