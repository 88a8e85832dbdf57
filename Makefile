# civicquest — two commands matter: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
PLUGINS := $(wildcard plugins/*/pyproject.toml)
PLUGIN_DIRS := $(patsubst %/pyproject.toml,%,$(PLUGINS))
EXAMPLE := examples/aix2026
OUT    ?= out

.PHONY: demo test install install-dev node-deps lint typecheck docs bench schemas messages clean
SURVEYJS_JS := plugins/civicquest-surveyjs/js
VAA_JS := plugins/civicquest-vaa/js

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"

$(VENV)/.installed: $(PY) pyproject.toml $(PLUGINS)
	$(PY) -m pip install --quiet -e . $(addprefix -e ,$(PLUGIN_DIRS))
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install --quiet --group dev
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

## demo: set up, check the Aix 2026 example, score it, and publish its site and files in out/aix2026
demo: install
	$(BIN)/civicquest validate $(EXAMPLE)
	@echo
	$(BIN)/civicquest summary $(EXAMPLE)
	@echo
	$(BIN)/civicquest score $(EXAMPLE)
	@echo
	$(BIN)/civicquest report $(EXAMPLE) -o $(OUT)/aix2026/site
	$(BIN)/civicquest export $(EXAMPLE) --format xlsx -o $(OUT)/aix2026/reponses.xlsx
	$(BIN)/civicquest export $(EXAMPLE) --format csv -o $(OUT)/aix2026/reponses.csv --option semicolon=true --option bom=true
	$(BIN)/civicquest export $(EXAMPLE) --format markdown -o $(OUT)/aix2026/questionnaire.md --option document=questionnaire
	$(BIN)/civicquest export $(EXAMPLE) --format frictionless -o $(OUT)/aix2026/donnees-ouvertes
	@echo
	@echo "Résultats / results: $(OUT)/aix2026/"
	@echo "  Ouvrez / open $(abspath $(OUT))/aix2026/site/fr/index.html dans votre navigateur / in your browser"
	@echo
	@echo "Pour taper civicquest dans ce terminal / to type civicquest in this terminal:"
	@printf '%s\n' "  source $(VENV)/bin/activate        (Windows : $(VENV)\Scripts\activate)"

## test: install the dev dependencies and run the whole suite (lint, types, tests, docs)
test: install-dev node-deps lint typecheck
	$(BIN)/pytest -n 2 --dist loadfile

## node-deps: the node packages the tests drive, each pinned by its lock file (needs node and npm):
## survey-core (SurveyJS), jquery-csv and @intlify/core-base (Mat-O-Wahl, OpenElectionCompass),
## vnu-jar and axe-core (the HTML checkers, tools/html-check).
## Without npm, those tests fail and say what to install; in CI (CI=true) this fails at once.
HTML_CHECK := tools/html-check
NODE_DIRS := $(SURVEYJS_JS) $(VAA_JS) $(HTML_CHECK)
node-deps: $(addsuffix /node_modules/.package-lock.json,$(NODE_DIRS))

# --ignore-scripts: vnu-jar's install script would download a Java runtime; we use the system's
%/node_modules/.package-lock.json: %/package.json %/package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix $* --ignore-scripts --no-audit --no-fund; \
	elif [ "$${CI:-}" = "true" ]; then echo "npm is missing: install Node.js and npm (.ci/run does)" >&2; exit 1; \
	else echo "npm is missing: the SurveyJS, VAA and HTML tests will fail until you install Node.js and npm, then run make node-deps" >&2; fi

lint: install-dev
	$(BIN)/ruff check src tests benchmarks plugins
	$(BIN)/ruff format --check src tests benchmarks plugins
	$(BIN)/lint-imports

typecheck: install-dev
	$(BIN)/mypy

docs: install-dev
	$(BIN)/sphinx-build -W --keep-going -b html docs docs/_build/html

bench: install
	$(PY) benchmarks/bench_loading.py

## schemas: regenerate the JSON Schemas in schemas/ after changing a model
schemas: install
	$(PY) -c "from pathlib import Path; from civicquest.exporting.schemas import write_schema_files; write_schema_files(Path('schemas'))"

## messages: extract the strings to translate, update every language's .po, compile the .mo
LOCALES := src/civicquest/text/locale
messages: install-dev
	$(BIN)/pybabel extract -F babel.cfg --no-default-keywords -k N_:1c,2 -k translate:1c,2 --sort-by-file \
		--project civicquest --copyright-holder "civicquest contributors" \
		-o $(LOCALES)/civicquest.pot .
	$(BIN)/pybabel update -i $(LOCALES)/civicquest.pot -d $(LOCALES) -D civicquest -w 100 --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -d $(LOCALES) -D civicquest --statistics

clean:
	rm -rf $(VENV) docs/_build $(OUT) .pytest_cache .mypy_cache .ruff_cache
