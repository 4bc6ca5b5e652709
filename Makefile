# Two commands do all the set-up on a fresh Debian machine:
#   make serve   installs Course Builder and serves the shipped course at http://127.0.0.1:8000/
#   make test    installs everything the tests need (browsers, nginx, npm packages) and runs them all
# Everything Python goes into .venv (Debian's own Python refuses system-wide pip installs).
VENV ?= .venv
PYTHON := $(VENV)/bin/python
PIP := $(PYTHON) -m pip
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian package:command pairs; a package is installed only when its command is missing
# (a machine with Node.js from elsewhere keeps it).
DEBIAN_PACKAGES := chromium:chromium firefox-esr:firefox-esr nginx:nginx nodejs:node npm:npm
# Libraries (no command to look for): WeasyPrint's Pango and HarfBuzz, and fonts for the PDF.
DEBIAN_LIBRARIES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core

.PHONY: install install-test system-deps system-libs serve build check test bench clean

$(PYTHON):
	python3 -m venv $(VENV) || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && python3 -m venv $(VENV); }

install: system-libs $(PYTHON)
	$(PIP) install -q -c constraints.txt -e .

install-test: system-deps system-libs $(PYTHON)
	$(PIP) install -q -c constraints.txt -e '.[test]'
	[ ! -f package.json ] || npm ci --no-audit --no-fund --silent

system-deps:
	@missing=""; for pair in $(DEBIAN_PACKAGES); do \
	  command -v $${pair#*:} >/dev/null 2>&1 || [ -x /usr/sbin/$${pair#*:} ] || missing="$$missing $${pair%%:*}"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

system-libs:
	@missing=""; for package in $(DEBIAN_LIBRARIES); do \
	  dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

serve: install
	$(VENV)/bin/course serve

build: install
	$(VENV)/bin/course build --strict

check: install
	$(VENV)/bin/course check --strict

test: install-test
	$(PYTHON) -m pytest

bench: install-test
	$(PYTHON) bench/run.py

clean:
	rm -rf site dist .pytest_cache $(VENV)
