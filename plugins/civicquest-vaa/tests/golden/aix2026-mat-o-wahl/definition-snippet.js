// Copiez ces lignes dans data/definition.js de Mat-O-Wahl, et questions.csv et answers.csv dans son dossier data/.
var fileQuestions = "questions.csv";
var intQuestions = 22;
var fileAnswers = "answers.csv";
var intParties = 2;
var separator = ";";
var language = "fr";
