// Loads a SurveyJS form in survey-core, as every SurveyJS front end does, and reports what it
// found: JSON errors, pages, questions, locales, every text as shown in each locale; then fills
// it in as respondents would (optional second argument: a JSON array of {name: value} answers)
// and prints each completed result (`model.data`).
//
//   node survey-check.cjs SURVEY.json [ANSWERS.json]
"use strict";
const fs = require("fs");
const { Model } = require("survey-core");

function load(path) {
  return JSON.parse(fs.readFileSync(path, "utf8"));
}

function texts(model) {
  const shown = {};
  const add = (name, what, locString) => {
    shown[name + " " + what] = locString.textOrHtml;
  };
  add("survey", "title", model.locTitle);
  add("survey", "description", model.locDescription);
  for (const page of model.pages) {
    add(page.name, "title", page.locTitle);
    add(page.name, "description", page.locDescription);
  }
  for (const question of model.getAllQuestions(false, false, true)) {
    add(question.name, "title", question.locTitle);
    add(question.name, "description", question.locDescription);
    for (const item of question.choices || []) {
      add(question.name, "choice " + item.value, item.locText);
    }
  }
  return shown;
}

function fill(json, answers) {
  const model = new Model(json);
  const unknown = [];
  for (const [name, value] of Object.entries(answers)) {
    if (name.endsWith("-Comment")) {
      const question = model.getQuestionByName(name.slice(0, -"-Comment".length));
      if (question) question.comment = value;
      else unknown.push(name);
    } else {
      const question = model.getQuestionByName(name);
      if (question) question.value = value;
      else unknown.push(name);
    }
  }
  // what survey-core would refuse to complete: the visible questions that do not validate
  const invalid = model.getAllQuestions(true).filter((q) => !q.validate(true)).map((q) => q.name);
  model.doComplete();
  return { data: model.data, unknown, invalid };
}

function main(surveyPath, answersPath) {
  const json = load(surveyPath);
  const model = new Model(json);
  const report = {
    jsonErrors: (model.jsonErrors || []).map((error) => error.message),
    pages: model.pages.length,
    questions: model.getAllQuestions().length,
    locales: model.getUsedLocales(),
    locale: model.locale,
    texts: {},
  };
  for (const locale of report.locales) {
    model.locale = locale;
    report.texts[locale] = texts(model);
  }
  if (answersPath) {
    report.results = load(answersPath).map((answers) => fill(json, answers));
  }
  process.stdout.write(JSON.stringify(report));
}

main(process.argv[2], process.argv[3]);
