"use strict";
(function () {
  var data = JSON.parse(document.getElementById("cq-data").textContent);
  var form = document.getElementById("cq-form");
  var sourceCount = 0;

  function lang() { return document.documentElement.lang === "en" ? "en" : "fr"; }
  function say(key, values) {
    var text = data.words[lang()][key];
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(String(values[name])); });
    return text;
  }
  function byId(id) { return document.getElementById(id); }
  function length(text) { return Array.from(text).length; }

  function switchLanguage() {
    var next = lang() === "fr" ? "en" : "fr";
    document.documentElement.lang = next;
    document.querySelectorAll("option[data-" + next + "]").forEach(function (o) { o.textContent = o.getAttribute("data-" + next); });
  }

  function addSource(questionId) {
    var item = byId("cq-source").content.firstElementChild.cloneNode(true);
    sourceCount += 1;
    item.querySelectorAll("input, textarea").forEach(function (control) {
      var id = "src-" + sourceCount + "-" + control.getAttribute("data-field");
      control.id = id;
      item.querySelector("label[data-field='" + control.getAttribute("data-field") + "']").htmlFor = id;
      control.setAttribute("aria-describedby", "err-" + questionId);
    });
    item.querySelector(".remove-source").addEventListener("click", function () {
      item.remove();
      byId("s-" + questionId).parentNode.querySelector(".add-source").focus();
    });
    byId("s-" + questionId).appendChild(item);
    item.querySelector("input").focus();
  }

  function sources(questionId) {
    var list = byId("s-" + questionId);
    if (!list) { return { items: [], error: null }; }
    var items = [], error = null;
    list.querySelectorAll("li").forEach(function (item) {
      var source = {};
      ["url", "title", "excerpt"].forEach(function (field) {
        var value = item.querySelector("[data-field='" + field + "']:not(label)").value;
        if (value.trim() !== "") { source[field] = value; }
      });
      if (Object.keys(source).length === 0) { return; }
      if (source.url === undefined && source.excerpt === undefined) { error = "err_source"; }
      else if (source.url !== undefined && !/^https?:\/\/\S+$/i.test(source.url)) { error = "err_url"; }
      items.push(source);
    });
    return { items: items, error: error };
  }

  // The answer's value as a response file holds it, or null; or an error key.
  function value(question) {
    var id = question.id;
    if (question.kind === "choice") {
      var checked = document.querySelector("input[name='a-" + id + "']:checked");
      return { value: checked ? checked.value : null };
    }
    if (question.kind === "choices") {
      var codes = Array.from(document.querySelectorAll("input[name='a-" + id + "']:checked")).map(function (b) { return b.value; });
      if (codes.length === 0) { return { value: null }; }
      if (codes.length < question.min_choices) { return { error: say("err_min_choices", { min: question.min_choices }) }; }
      if (question.max_choices !== undefined && codes.length > question.max_choices) { return { error: say("err_max_choices", { max: question.max_choices }) }; }
      return { value: codes };
    }
    var control = byId("a-" + id);
    if (question.kind === "text") {
      var text = control.value;
      if (text.trim() === "") { return { value: null }; }
      if (question.max_length !== undefined && length(text) > question.max_length) { return { error: say("err_too_long", { n: length(text), max: question.max_length }) }; }
      return { value: text };
    }
    if (control.validity.badInput) { return { error: say("err_number") }; }
    if (control.value.trim() === "") { return { value: null }; }
    var number = Number(control.value);
    if (!isFinite(number)) { return { error: say("err_number") }; }
    if (question.integer && !Number.isInteger(number)) { return { error: say("err_integer") }; }
    if (question.minimum !== undefined && number < question.minimum) { return { error: say("err_min", { min: question.minimum }) }; }
    if (question.maximum !== undefined && number > question.maximum) { return { error: say("err_max", { max: question.maximum }) }; }
    return { value: number };
  }

  function answer(question) {
    var id = question.id, given = value(question);
    if (given.error) { return { error: given.error }; }
    var reason = byId("na-" + id).value;
    var commentControl = byId("c-" + id);
    var comment = commentControl ? commentControl.value : "";
    var found = sources(id);
    if (found.error) { return { error: say(found.error) }; }
    if (given.value !== null && reason !== "") { return { error: say("err_conflict") }; }
    if (given.value === null && reason === "") {
      if (question.required) { return { error: say("err_required") }; }
      if (comment.trim() !== "" || found.items.length) { return { error: say("err_orphan") }; }
      return { answer: null };
    }
    var result = {};
    if (given.value !== null) { result[question.kind] = given.value; } else { result.no_answer = reason; }
    if (comment.trim() !== "") { result.comment = comment; }
    if (found.items.length) { result.evidence = found.items; }
    return { answer: result };
  }

  function mark(errorId, controls, message) {
    byId(errorId).textContent = message || "";
    controls.forEach(function (c) {
      if (message) { c.setAttribute("aria-invalid", "true"); } else { c.removeAttribute("aria-invalid"); }
    });
    return message ? controls[0] : null;
  }

  function controlsOf(id) { return Array.from(byId("q-" + id).querySelectorAll("input, textarea, select")); }

  function collect() {
    var firstInvalid = [], failures = [], answers = {};
    function note(control, title) { if (control) { failures.push(title); firstInvalid.push(control); } }
    var respondent = byId("cq-respondent");
    note(mark("err-respondent", [respondent], respondent.value ? "" : say("err_respondent")), say("err_respondent"));
    var consent = document.querySelector("input[name='consent']:checked");
    note(mark("err-consent", controlsOf("consent"), consent ? "" : say("err_consent")), say("err_consent"));
    data.questions.forEach(function (question) {
      var result = answer(question);
      note(mark("err-" + question.id, controlsOf(question.id), result.error || ""), question.id + " " + question.text[lang()]);
      if (result.answer) { answers[question.id] = result.answer; }
    });
    if (failures.length) { return { failures: failures, first: firstInvalid[0] }; }
    var response = {
      respondent: respondent.value,
      questionnaire: { id: data.questionnaire.id, version: data.questionnaire.version },
      received: new Date().toISOString().slice(0, 10),
      channel: "form",
      consent_to_publish: consent.value === "yes",
      answers: answers
    };
    var comment = byId("cq-comment").value;
    if (comment.trim() !== "") { response.comment = comment; }
    return { response: response };
  }

  function download(response) {
    var name = "reponse-" + response.respondent + ".json";
    var blob = new Blob([JSON.stringify(response, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    return name;
  }

  byId("cq-switch").addEventListener("click", switchLanguage);
  document.querySelectorAll(".add-source").forEach(function (button) {
    button.addEventListener("click", function () { addSource(button.getAttribute("data-question")); });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var summary = byId("cq-summary"), saved = byId("cq-saved");
    var result = collect();
    if (result.failures) {
      saved.textContent = "";
      summary.textContent = "";
      var heading = document.createElement("p"), list = document.createElement("ul");
      heading.textContent = say("err_summary", { n: result.failures.length });
      result.failures.forEach(function (title) {
        var item = document.createElement("li");
        item.textContent = title;
        list.appendChild(item);
      });
      summary.appendChild(heading);
      summary.appendChild(list);
      result.first.focus();
      return;
    }
    summary.textContent = "";
    saved.textContent = say("saved", { file: download(result.response) });
  });
})();
