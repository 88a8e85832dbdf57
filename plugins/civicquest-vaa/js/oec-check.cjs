// Reads a civicquest `open-election-compass` configuration as the OpenElectionCompass client
// does, and prints every text as the client shows it (JSON).
//
//   node oec-check.cjs CONFIG.json
//
// The walk over the configuration is re-implemented from the client's source
// (github.com/open-election-compass/client, src/OpenElectionCompass.vue, parseContent and
// readTranslation): every text goes, per language, into a vue-i18n message tree at the same path,
// and each party's position is read for every thesis. The texts are then rendered by
// @intlify/core-base, the message compiler and translator under vue-i18n, as `$t(path)` does.
"use strict";
const fs = require("fs");
const core = require("@intlify/core-base");

// a message that does not compile is shown raw by vue-i18n: record it, it must never happen
const compileErrors = [];
core.registerMessageCompiler((message, context) =>
  core.compile(message, {
    ...context,
    onError: (error) => compileErrors.push(`${error.message}: ${String(message).slice(0, 80)}`),
  })
);
core.registerMessageResolver(core.resolveValue);

function put(tree, keys, value) {
  let node = tree;
  keys.slice(0, -1).forEach((key, i) => {
    if (node[key] === undefined) node[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    node = node[key];
  });
  node[keys[keys.length - 1]] = value;
}

function main(file) {
  const content = JSON.parse(fs.readFileSync(file, "utf8"));
  const languages = content.languages.map((language) => language.code);
  const messages = {};
  const paths = [];
  const errors = [];
  const read = (translations, path) => {
    if (typeof translations !== "object" || translations === null) {
      errors.push(`no translations at ${path}`);
      return;
    }
    paths.push(path);
    for (const [language, text] of Object.entries(translations)) {
      put(messages, [language, ...path.split(".")], text);
    }
  };
  read(content.title, "title");
  read(content.subtitle, "subtitle");
  read(content.introduction && content.introduction.heading, "introduction.heading");
  read(content.introduction && content.introduction.text, "introduction.text");
  const positions = [];
  content.theses.forEach((thesis, index) => {
    read(thesis.title, `theses.${index}.title`);
    read(thesis.statement, `theses.${index}.statement`);
    const row = {};
    for (const party of content.parties) {
      const position = thesis.positions[party.alias]; // the client throws when it is missing
      if (position === undefined) {
        errors.push(`thesis ${index}: no position for '${party.alias}'`);
        continue;
      }
      row[party.alias] = position.position;
      read(position.explanation, `theses.${index}.positions.${party.alias}.explanation`);
    }
    positions.push(row);
  });
  content.parties.forEach((party, index) => {
    for (const field of ["name", "short", "description"]) read(party[field], `parties.${index}.${field}`);
  });
  const shown = {};
  const warnings = [];
  for (const language of languages) {
    const context = core.createCoreContext({
      locale: language,
      messages: { [language]: messages[language] || {} },
      missingWarn: false,
      fallbackWarn: false,
      warnHtmlMessage: false,
      onWarn: (message) => warnings.push(message),
    });
    shown[language] = {};
    for (const path of paths) shown[language][path] = core.translate(context, path);
  }
  process.stdout.write(
    JSON.stringify({
      version: content.version,
      algorithm: content.algorithm,
      languages,
      aliases: content.parties.map((party) => party.alias),
      positions,
      shown,
      errors,
      compileErrors,
    })
  );
}

main(process.argv[2]);
