// Reads a civicquest `mat-o-wahl` export as Mat-O-Wahl does, and prints what it found (JSON).
//
//   node mow-check.cjs FOLDER
//
// The definition snippet runs as the JavaScript it is; the CSV files go through jquery-csv 0.8.9,
// the very parser Mat-O-Wahl ships (system/jquery.csv-0.8.9.min.js). What Mat-O-Wahl then does
// with the rows is re-implemented here from its source (github.com/msteudtn/Mat-O-Wahl):
// the party count of system/fnSetIntParties.js and the row walk of fnTransformCsvToArray in
// system/general.js (questions: the first intQuestions rows; answers: blocks of 5 + intQuestions
// + 1 rows, read by row number only).
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const csv = require("jquery-csv");

function definition(folder) {
  const context = {};
  vm.runInNewContext(fs.readFileSync(path.join(folder, "definition-snippet.js"), "utf8"), context);
  return context;
}

// fnSetIntParties: lines split on "\n", trailing empty ones dropped, divided by intQuestions + 6
function countParties(data, intQuestions) {
  const lines = data.split("\n");
  while (lines.length && (lines[lines.length - 1] === "" || lines[lines.length - 1] === "\r")) {
    lines.pop();
  }
  return Math.round(lines.length / (intQuestions + 6));
}

function readQuestions(rows, intQuestions) {
  const questions = [];
  for (let i = 0; i < intQuestions; i++) {
    questions.push({ short: rows[i][0], long: rows[i][1] });
  }
  return questions;
}

// fnTransformCsvToArray, modus 0: the row number alone says what a row holds
function readParties(rows, intQuestions, intParties) {
  const block = intQuestions + 6;
  const lastLine = block * intParties - 1;
  const fields = ["short", "long", "description", "url", "logo"];
  const parties = [];
  for (let i = 0; i < lastLine; i++) {
    const [first, second] = rows[i];
    const at = i % block;
    if (at === 0) parties.push({ positions: [], opinions: [] });
    const party = parties[parties.length - 1];
    if (at < 5) party[fields[at]] = second;
    else if (at <= intQuestions + 4) {
      party.positions.push(first);
      party.opinions.push(second);
    }
  }
  return parties;
}

function main(folder) {
  const settings = definition(folder);
  const read = (name) => fs.readFileSync(path.join(folder, name), "utf8");
  const questionsData = read(settings.fileQuestions);
  const answersData = read(settings.fileAnswers);
  const options = { separator: settings.separator };
  const questionRows = csv.toArrays(questionsData, options);
  const answerRows = csv.toArrays(answersData, options);
  const report = {
    intQuestions: settings.intQuestions,
    intParties: settings.intParties,
    countedParties: countParties(answersData, settings.intQuestions),
    separator: settings.separator,
    language: settings.language,
    questionRows: questionRows.length,
    answerRows: answerRows.length,
    questions: readQuestions(questionRows, settings.intQuestions),
    parties: readParties(answerRows, settings.intQuestions, settings.intParties),
  };
  process.stdout.write(JSON.stringify(report));
}

main(process.argv[2]);
