# syntax=docker/dockerfile:1
# Plenary in one image: the compiled server, the built web app, Chromium and Noto fonts for PDF
# exports. Build: `docker build -t plenary .` — run: see docs/DEPLOY.md (or `docker compose up`).
# The stages run scripts/bundle.sh, which CI runs too (tests/deploy/production-bundle.test.ts).

# 24 (the current LTS line). 22 works the same; 20 too, with better-sqlite3 built in stage 2.
ARG NODE_VERSION=24

# ---- 1. Build: install the workspace, compile the server, build and compress the web app. ----
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /src
RUN npm install -g pnpm@10
COPY . .
# No install scripts: this stage only compiles (esbuild runs without its own), and never loads
# better-sqlite3 — stage 2 installs what the server runs with.
RUN pnpm install --frozen-lockfile --ignore-scripts && bash scripts/bundle.sh /bundle

# ---- 2. Production packages: only what the compiled server leaves external. ----
FROM node:${NODE_VERSION}-bookworm-slim AS packages
RUN npm install -g pnpm@10
WORKDIR /app
COPY --from=build /bundle/package.json ./
# Node 22.13 and newer store boards with node:sqlite: the optional better-sqlite3 is left out.
# Older Node needs it: it fetches a prebuilt addon, and these tools build one where there is none.
RUN if node -e "require('node:sqlite')" 2>/dev/null; then \
      pnpm install --prod --no-optional; \
    else \
      apt-get update && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
      && rm -rf /var/lib/apt/lists/* && pnpm install --prod \
      && node -e "require('better-sqlite3')(':memory:').close()"; \
    fi

# ---- 3. Runtime: Node, Chromium and fonts, the bundle, a non-root user. ----
FROM node:${NODE_VERSION}-bookworm-slim
# Chromium prints PDF exports; Noto covers every script the app ships (Thai, Khmer, CJK, Cyrillic…).
RUN apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-core fonts-noto-cjk tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=packages /app/node_modules ./node_modules
COPY --from=build /bundle/ ./
RUN mkdir -p /data && chown node:node /data
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    CHROMIUM_PATH=/usr/bin/chromium
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# tini forwards SIGTERM to node (which writes every board out before exiting) and reaps Chromium.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "server/dist/index.mjs"]
