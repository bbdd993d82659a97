# syntax=docker/dockerfile:1
# The steckbrief binary in a small image, for CI jobs (examples/ci/gitlab-ci.yml) and for running
# the tool without installing anything:
#   docker build -t steckbrief .
#   docker run --rm -v "$PWD:/content" steckbrief steckbrief check
# The release workflow publishes it for every release tag (.github/workflows/release.yml).

# Build: a static musl binary (Rust links musl statically; Alpine's Rust targets musl). Alpine's
# musl-dev is not pinned to a version: the base image tag fixes the Alpine release.
ARG RUST_TOOLCHAIN=1.95.0
FROM rust:${RUST_TOOLCHAIN}-alpine AS build
# hadolint ignore=DL3018
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY . .
ENV CARGO_PROFILE_RELEASE_STRIP=symbols CARGO_TERM_COLOR=never
# The registry and the build folder are cache mounts: a rebuild compiles only what changed.
# The example content must pass `check` with the binary that goes into the image.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --profile dist --locked --bin steckbrief \
    && cp target/dist/steckbrief /usr/local/bin/steckbrief \
    && steckbrief check --root . --quiet

# Run: Alpine only for the shell that CI runners need around the binary.
FROM alpine:3.22
COPY --from=build /usr/local/bin/steckbrief /usr/local/bin/steckbrief
# As root, as CI images are: GitLab and GitHub mount the checkout owned by another user, and
# `build` writes public/ into it.
WORKDIR /content
# No ENTRYPOINT: GitLab and GitHub run their job scripts through the image's shell.
CMD ["steckbrief", "--help"]
