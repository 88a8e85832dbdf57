/*
 * civicquest-match.js: a voter's agreement with each list, computed in the browser with the
 * numbers of `civicquest match`. No dependency, no network, no storage.
 *
 * A classic script: it defines one global, `CivicquestMatch` (and `module.exports` under node).
 * Its input is the matching tables of civicquest (`civicquest.matching_tables(project)`, the
 * pydantic model `MatchingTables`): answer positions, weights and points tables come from the
 * Python engine itself; this file only adds them up, question by question, in the order and
 * with the floating-point operations of the engine (src/civicquest/matching/kernels.py,
 * points_kernel.py, engine.py), so that every float is the same and every displayed integer too.
 * Formulas and their sources: docs/matching.md.
 */
(function (root) {
  "use strict";

  // Disagreement k(a, b) of a voter's answer a and a list's answer b, both in [-0.5, 0.5]
  // (methods.py; the engine's positions are in the tables: 0.5 - i / (N - 1)).
  var KERNELS = {
    // Wahl-O-Mat, Mat-O-Wahl (system/general.js, fnEvaluation): 2/1/0 points as
    // 0 if equal, 1/2 if either side is neutral (position 0), 1 otherwise.
    "wahl-o-mat": function (a, b) {
      if (a === b) return 0.0;
      return a === 0 || b === 0 ? 0.5 : 1.0;
    },
    // OpenVAA (packages/matching/src/distance/metric.ts, manhattanDistance): |a - b|.
    "city-block": function (a, b) {
      return Math.abs(a - b);
    },
    // OpenVAA (metric.ts, euclideanDistance): (a - b)^2, summed then square-rooted.
    euclidean: function (a, b) {
      var d = a - b;
      return d * d;
    },
    // OpenVAA (metric.ts, directionalKernel; Mendez 2017): 0.5 - 2ab, as (2a)b like numpy.
    directional: function (a, b) {
      return 0.5 - 2.0 * a * b;
    }
  };

  // A list's missing answer (methods.py, impute): "neutral" b = 0; "max" (OpenVAA's relative
  // maximum) the extreme opposite to the voter, -0.5 if a > 0, else +0.5.
  function impute(a, imputation) {
    if (imputation === "neutral") return 0.0;
    return a > 0 ? -0.5 : 0.5;
  }

  // Display rounding, half up on the exact float (civicquest.round_half_up; Mat-O-Wahl's
  // fnPercentage): value - floor(value) is exact for a float, unlike value + 0.5.
  function roundHalfUp(value) {
    var whole = Math.floor(value);
    return value - whole >= 0.5 ? whole + 1 : whole;
  }

  function findMethod(tables, key) {
    for (var m = 0; m < tables.methods.length; m++) {
      if (tables.methods[m].key === key) return tables.methods[m];
    }
    if (typeof key === "number" && tables.methods[key]) return tables.methods[key];
    throw new Error("unknown method " + String(key));
  }

  // Per question, per voter answer (index, then index marked important): the numbers the
  // engine's lookup tables hold (kernels.py MatchKernel._voter_rows, points_kernel.py
  // PointsKernel._voter_rows). `num[q][v][s]` for each state s of a list (its answer index,
  // or missing as the last state), `den[q][v]` or `den[q][v][s]` (points).
  function distanceRows(question, method) {
    var kernel = KERNELS[method.kernel];
    var x = question.positions;
    var n = x.length;
    var rows = { num: [], den: [] };
    for (var flag = 0; flag < 2; flag++) {
      var weight = question.weight * (flag ? method.important_weight : 1.0);
      // Euclidean: the weight acts squared, as in OpenVAA (metric.ts, distance).
      var w = method.squared ? weight * weight : weight;
      for (var a = 0; a < n; a++) {
        var row = [];
        for (var b = 0; b < n; b++) row.push(w * kernel(x[a], x[b]));
        row.push(w * kernel(x[a], impute(x[a], method.imputation)));
        rows.num.push(row);
        rows.den.push(w);
      }
    }
    return rows;
  }

  // points_kernel.py: points and maximum x (weight x importance factor), the factor depending
  // on the voter's flag and the list's (SVT's getImportantFactor: 2, 2, 4 for svt).
  function pointsRows(question, table, importance) {
    var n = question.positions.length;
    var rows = { num: [], den: [] };
    for (var flag = 0; flag < 2; flag++) {
      for (var a = 0; a < n; a++) {
        var byList = { num: [[], []], den: [[], []] };
        for (var listFlag = 0; listFlag < 2; listFlag++) {
          var factor = flag
            ? (listFlag ? importance.both : importance.voter)
            : (listFlag ? importance.list : importance.none);
          var f = question.weight * factor;
          for (var b = 0; b < n; b++) {
            byList.num[listFlag].push(f * table.points[a][b]);
            byList.den[listFlag].push(f * table.maximum[a]);
          }
        }
        // A list's gap: the voter's factor only (the list marked nothing).
        var g = question.weight * (flag ? importance.voter : importance.none);
        byList.num[0].push(g * table.missing_points);
        byList.den[0].push(g * table.missing_maximum[a]);
        rows.num.push(byList.num);
        rows.den.push(byList.den);
      }
    }
    return rows;
  }

  // A matcher for one method: precomputed rows, then `match(levels, important)` per voter.
  function Matcher(tables, key) {
    var method = findMethod(tables, key);
    this.tables = tables;
    this.method = method;
    this.points = method.method === "points";
    this.rows = tables.questions.map(function (question, q) {
      return this.points
        ? pointsRows(question, method.points[q], method.importance)
        : distanceRows(question, method);
    }, this);
    this.themeIndex = tables.questions.map(function (question) {
      return tables.themes.indexOf(question.theme);
    });
  }

  // The list's contribution to (numerator, denominator) for question q and voter code v.
  Matcher.prototype.cell = function (q, v, list) {
    var rows = this.rows[q];
    var level = list.levels[q];
    var n = this.tables.questions[q].positions.length;
    if (!this.points) return [rows.num[v][level < 0 ? n : level], rows.den[v]];
    if (level < 0) return [rows.num[v][0][n], rows.den[v][0][n]];
    var listFlag = list.important.length && list.important[q] ? 1 : 0;
    return [rows.num[v][listFlag][level], rows.den[v][listFlag][level]];
  };

  // kernels.py finish: x 100 / denominator, clipped to [0, 100]; 50 when nothing counts.
  Matcher.prototype.finish = function (num, den) {
    var value;
    if (this.points) {
      value = (num * 100.0) / den;
    } else {
      if (this.method.squared) {
        num = Math.sqrt(Math.max(num, 0));
        den = Math.sqrt(den);
      }
      // (den - num) x 100 / den: one rounding in the division keeps exact halves exact.
      value = ((den - num) * 100.0) / den;
    }
    if (value < 0) value = 0.0;
    if (value > 100) value = 100.0;
    if (!(den > 0)) value = this.tables.nothing_counts;
    return value;
  };

  /*
   * levels: per question (tables.questions order) the index of the voter's option in `codes`,
   * or -1 for a skip; important: per question, true when the voter marks it important.
   * Returns the MatchReport's shape: { method, questions, important, lists: [{ respondent,
   * name, agreement, rank, tied, themes: [{ theme, agreement }], missing }] }, best first, or
   * { empty: true, lists: [] } for a voter with no answer under empty_voter "error".
   */
  Matcher.prototype.match = function (levels, important) {
    var tables = this.tables;
    var questions = tables.questions;
    var groups = tables.themes.length + 1;
    var answered = [];
    var flagged = [];
    var inGroup = new Array(groups).fill(false);
    for (var q = 0; q < questions.length; q++) {
      if (levels[q] >= 0) {
        answered.push(questions[q].id);
        if (important && important[q]) flagged.push(questions[q].id);
        inGroup[0] = true;
        if (this.themeIndex[q] >= 0) inGroup[1 + this.themeIndex[q]] = true;
      }
    }
    var report = { method: this.method.key, questions: answered, important: flagged, lists: [] };
    if (!answered.length && this.method.choice.empty_voter === "error") {
      report.empty = true;
      return report;
    }
    var items = tables.lists.map(function (list) {
      return this.matchList(list, levels, important, inGroup, answered.length > 0);
    }, this);
    rank(items);
    report.lists = items;
    return report;
  };

  Matcher.prototype.matchList = function (list, levels, important, inGroup, any) {
    var groups = inGroup.length;
    var num = new Array(groups).fill(0.0);
    var den = new Array(groups).fill(0.0);
    var missing = [];
    var questions = this.tables.questions;
    // Sums in question order, as the engine's matrix product adds them.
    for (var q = 0; q < questions.length; q++) {
      var a = levels[q];
      if (a < 0) continue;
      var v = a + (important && important[q] ? questions[q].positions.length : 0);
      var cell = this.cell(q, v, list);
      num[0] += cell[0];
      den[0] += cell[1];
      var t = this.themeIndex[q];
      if (t >= 0) {
        num[1 + t] += cell[0];
        den[1 + t] += cell[1];
      }
      if (list.levels[q] < 0) missing.push(questions[q].id);
    }
    var themes = [];
    for (var g = 1; g < groups; g++) {
      themes.push({
        theme: this.tables.themes[g - 1],
        agreement: any && inGroup[g] ? this.finish(num[g], den[g]) : null
      });
    }
    return {
      respondent: list.respondent,
      name: list.name,
      order: list.order,
      // An empty voter under empty_voter "zero": 0 for every list (SVT, Mat-O-Wahl).
      agreement: any ? this.finish(num[0], den[0]) : 0.0,
      themes: themes,
      missing: missing
    };
  };

  // engine.py tie_key: an agreement to a billionth of a point, so that floating-point noise
  // (the engine adds terms in a matrix product, this script in question order) never breaks a tie.
  function tieKey(agreement) {
    return Math.floor(agreement * 1e9 + 0.5);
  }

  // engine.py _ranked: best first, ties (equal tie keys) by the collation of names then id
  // (`order`, computed by the engine); rank = 1 + the number of strictly higher agreements.
  function rank(items) {
    items.sort(function (x, y) {
      return tieKey(y.agreement) - tieKey(x.agreement) || x.order - y.order;
    });
    for (var i = 0; i < items.length; i++) {
      var higher = 0;
      var equal = 0;
      var mine = tieKey(items[i].agreement);
      for (var j = 0; j < items.length; j++) {
        var theirs = tieKey(items[j].agreement);
        if (theirs > mine) higher++;
        if (theirs === mine) equal++;
      }
      items[i].rank = 1 + higher;
      items[i].tied = equal > 1;
    }
  }

  // Option codes by question id ({q: "code"} or {q: {choice, important, skip}}) to levels.
  function encode(tables, answers) {
    var levels = [];
    var important = [];
    tables.questions.forEach(function (question) {
      var answer = Object.prototype.hasOwnProperty.call(answers, question.id)
        ? answers[question.id]
        : null;
      var choice = answer !== null && typeof answer === "object" ? answer.choice : answer;
      var skip = answer !== null && typeof answer === "object" && answer.skip === true;
      var level = skip ? -1 : question.codes.indexOf(choice);
      // A "no opinion" option counts as the engine says (encoding.py, MatchQuestion.level).
      var equivalents = question.equivalents || {};
      if (level < 0 && !skip && Object.prototype.hasOwnProperty.call(equivalents, choice)) {
        level = equivalents[choice];
      }
      levels.push(level);
      important.push(level >= 0 && typeof answer === "object" && answer.important === true);
    });
    return { levels: levels, important: important };
  }

  var api = {
    KERNELS: KERNELS,
    Matcher: Matcher,
    encode: encode,
    impute: impute,
    roundHalfUp: roundHalfUp,
    matcher: function (tables, key) {
      return new Matcher(tables, key);
    }
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.CivicquestMatch = api;
})(this);
