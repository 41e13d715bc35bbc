# LianXi: the commands the README gives. `make run` and `make test` work from a clean clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Debian packages the program and its tests need: Chinese TrueType fonts, a virtual X server, PDF
# tools, and a PostgreSQL server the tests start on their own (tests/postgres_server.py).
APT_PACKAGES := fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei xvfb xauth poppler-utils postgresql \
	libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
	libxcb-shape0 libxcb-render-util0 libxcb-image0 libdbus-1-3 libfontconfig1 libglib2.0-0

.PHONY: run test test-postgres lint bench translations system venv clean dist

run: venv
	$(BIN)/lianxi

# Tests run on every core (pytest-xdist); a test file stays on one worker, so a module's fixture
# (a demo county) is built once.
PYTEST := QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -n auto --dist loadfile
# The suites that run a second time with every test database on PostgreSQL: the core (scoring
# included), exchange packages and reports. The server is a throwaway one the tests start
# (tests/postgres_server.py, tests/databases.py); without it the run fails, never skips quietly.
POSTGRES_SUITES := tests/core tests/sync tests/reports

# Everything on SQLite (and the PostgreSQL-specific tests), then the suites above on PostgreSQL.
test: venv
	$(BIN)/ruff check desktop tests bench
	$(BIN)/lint-imports
	$(PYTEST)
	LIANXI_TEST_DB=postgres $(PYTEST) $(POSTGRES_SUITES)
	QT_QPA_PLATFORM=offscreen $(BIN)/lianxi --self-test --json-out $(VENV)/self-test.json

# Only the PostgreSQL run of `make test`.
test-postgres: venv
	LIANXI_TEST_DB=postgres $(PYTEST) $(POSTGRES_SUITES)

lint: venv
	$(BIN)/ruff check desktop tests bench
	$(BIN)/ruff format --check desktop tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy

# Benchmarks print figures against a baseline measured in the same run; they never fail a build.
bench: venv
	for script in bench/*.py; do echo "== $$script"; QT_QPA_PLATFORM=offscreen $(BIN)/python $$script || exit 1; done

# Refresh the English catalogue from the sources, then compile it; new strings show as unfinished
# (and fail tests/views/test_i18n.py) until they are translated in the .ts file.
translations: venv
	$(BIN)/pyside6-lupdate -extensions py -locations none -no-obsolete -source-language zh_CN -target-language en desktop/views desktop/app.py -ts resources/translations/lianxi_en.ts
	$(BIN)/pyside6-lrelease resources/translations/lianxi_en.ts -qm resources/translations/lianxi_en.qm

venv: system $(STAMP)

# Installs what Debian lacks, only when we are root on a Debian-like system and something is missing.
system:
	@if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		missing=""; \
		for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
		if [ -n "$$missing" ]; then \
			echo "Installing system packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		fi; \
	fi

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,lint]'
	touch $(STAMP)

# Release: the PyInstaller folder dist/lianxi (window and console programs), smoke-tested frozen,
# its size and glibc needs, and a .deb. Windows: see docs/installing.md (Inno Setup).
DIST_STAMP        := $(VENV)/.installed-dist
# Beyond `make venv`: readelf (the .deb's Depends) and the .desktop validator.
DIST_APT_PACKAGES := binutils desktop-file-utils
PYI_WORK          := build/pyinstaller

dist: venv $(DIST_STAMP)
	@$(MAKE) --no-print-directory system APT_PACKAGES="$(DIST_APT_PACKAGES)"
	rm -rf dist/lianxi $(PYI_WORK)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath $(PYI_WORK) installer/lianxi.spec
	$(BIN)/python installer/smoke_test.py dist/lianxi
	$(BIN)/python installer/bundle_report.py dist/lianxi --trimmed $(PYI_WORK)/lianxi/trimmed.json
	$(BIN)/python installer/check_glibc.py dist/lianxi --target 2.28
	$(BIN)/python installer/build_deb.py dist/lianxi --out dist

$(DIST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,lint,dist,postgres]'
	touch $(DIST_STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache
