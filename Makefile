# thidua — the two commands of the README, and their parts.
#   make run   installs what is missing, builds, loads examples/, serves on 127.0.0.1:$(PORT)
#   make test  installs what is missing, builds, runs every test (SQLite and a throwaway PostgreSQL)

PORT ?= 8080
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
DB ?= var/thidua.db
JOBS ?= $(shell nproc)

THIDUA := $(BUILD_DIR)/server/thidua

.PHONY: all deps build run test bench clean

all: build

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@mkdir -p var
	$(THIDUA) init --db $(DB)
	$(THIDUA) load examples/config --db $(DB)
	$(THIDUA) serve --db $(DB) --port $(PORT)

test: build
	@scripts/run-tests $(BUILD_DIR)

bench: build
	@scripts/run-bench $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR)
