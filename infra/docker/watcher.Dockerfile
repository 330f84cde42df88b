# syntax=docker/dockerfile:1
# The in-cluster watcher (lib/watcher/main.ts) as a container image: built from source in a Node 22 stage,
# shipped as one bundled file on a distroless Node 22 base (no shell, no package manager), run as a
# non-root user. infra/k8s deploys it.
#
#   docker build -f infra/docker/watcher.Dockerfile -t gso-watcher:0.1.0 .   (from the repository root;
#   BuildKit reads watcher.Dockerfile.dockerignore beside this file)
#
# Base images are pinned by tag; for a release, pin them by digest too (tag@sha256:…) so a rebuild cannot
# pick up a different base.

FROM node:22.23.3-bookworm-slim AS build
WORKDIR /src
# Dependencies first: this layer is reused until the lockfile changes.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY lib ./lib
COPY functions ./functions
RUN npm run build

FROM gcr.io/distroless/nodejs22-debian12:nonroot AS runtime
LABEL org.opencontainers.image.title="gso-watcher" \
      org.opencontainers.image.description="Gravitee Serverless Operator watcher: forwards gravitee.io changes to SQS, writes statuses back" \
      org.opencontainers.image.licenses="Apache-2.0"
WORKDIR /app
# The bundle carries every dependency; its source map turns stack traces back into TypeScript lines.
COPY --from=build /src/dist/watcher/main.mjs /src/dist/watcher/main.mjs.map ./
# Numeric, so the kubelet can check runAsNonRoot against the image; matches the Deployment's runAsUser.
USER 65532:65532
EXPOSE 8081
ENTRYPOINT ["/nodejs/bin/node", "--enable-source-maps", "/app/main.mjs"]
