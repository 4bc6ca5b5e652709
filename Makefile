# Two commands do all the set-up on a fresh Debian machine:
#   make serve   installs Course Builder and serves the shipped course at http://127.0.0.1:8000/
#   make test    installs everything the tests need (browsers, nginx, npm packages) and runs them all
PYTHON ?= python3
PIP ?= $(PYTHON) -m pip
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEBIAN_PACKAGES := chromium firefox-esr nginx nodejs npm

.PHONY: install install-test system-deps serve build check test bench clean

install:
	$(PIP) install -q -e .

install-test: system-deps
	$(PIP) install -q -e '.[test]'
	[ ! -f package.json ] || npm ci --no-audit --no-fund --silent

system-deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

serve: install
	course serve

build: install
	course build --strict

check: install
	course check --strict

test: install-test
	$(PYTHON) -m pytest

bench: install-test
	$(PYTHON) bench/run.py

clean:
	rm -rf site dist .pytest_cache
