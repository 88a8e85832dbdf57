// Run civicquest-match.js on matching tables and voters (a JSON file), print the reports.
// Usage: node match-check.cjs SCRIPT CASES.json  ->  JSON list of reports on standard output.
"use strict";
const fs = require("fs");
const match = require(process.argv[2]);
const input = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const matchers = {};
const out = input.voters.map((voter) => {
  const key = voter.method;
  matchers[key] = matchers[key] || match.matcher(input.tables, key);
  // A voter given as option codes goes through the script's own encode (equivalents too).
  const encoded = voter.answers ? match.encode(input.tables, voter.answers) : voter;
  const report = matchers[key].match(encoded.levels, encoded.important);
  report.rounded = report.lists.map((item) => [
    match.roundHalfUp(item.agreement),
    item.themes.map((t) => (t.agreement === null ? null : match.roundHalfUp(t.agreement))),
  ]);
  return report;
});
process.stdout.write(JSON.stringify(out));
