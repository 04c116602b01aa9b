# syntax=docker/dockerfile:1
#
# rolegraph — multi-stage image.
#
#   docker build -t rolegraph .
#   docker run -d -p 3000:3000 --name rolegraph rolegraph
#   curl localhost:3000/health
#
# Stage 1 (build) installs all dependencies (better-sqlite3 13 is Node-API with
# prebuilt binaries inside the package: nothing compiles, so no toolchain),
# builds the TypeScript, seeds the SQLite database and then prunes dev
# dependencies. Stage 2 (runtime) is a plain node slim image
# that only receives the pruned node_modules, dist/, migrations/, seed/,
# openapi/, package.json and the seeded database, and runs as the unprivileged `node`
# user.

# Node 24, the current LTS (.node-version pins the same line for development).
ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build

WORKDIR /app

ENV npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

COPY package.json package-lock.json ./
RUN npm ci

COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
COPY seed ./seed
COPY openapi ./openapi

RUN npm run build

# Seed the database at build time; the runtime image ships it ready to serve.
ENV DATABASE_PATH=/app/data/rolegraph.db
RUN mkdir -p /app/data \
 && node dist/seed/cli.js \
 && test -s "$DATABASE_PATH"

# Drop dev dependencies (the pinned `node` package among them: the image has its own Node 24), then
# better-sqlite3's C sources and the prebuilt binaries of other platforms (~25 MB): only this
# platform's prebuilds/<platform>-<arch>.node is loaded at run time.
RUN npm prune --omit=dev \
 && cd node_modules/better-sqlite3 \
 && rm -rf deps src \
 && keep="$(node -p 'process.platform + "-" + process.arch').node" \
 && find prebuilds -type f ! -name "$keep" -delete \
 && npm cache clean --force

# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_PATH=/app/data/rolegraph.db \
    LOG_LEVEL=info

# glibc's malloc raises its mmap threshold to the size of each large block freed, so after a while the
# response bodies (a few hundred KB, made and dropped per request) come from its main heap, which cannot
# give freed memory back while smaller live blocks sit above it: 60–100 MB resident after the bench's load
# on the ESCO-sized set. A fixed threshold keeps large blocks in their own mappings, returned to the system
# when freed: 27–62 MB at 128 KB, 44–52 MB at 512 KB. 512 KB, because at 128 KB every hit of a cached
# 281 KB neighbourhood for a client without brotli (decompressed per hit) mapped and unmapped its body:
# ~25 % fewer of those hits per second; at 512 KB no measurable cost. `npm start` and the bench set the same.
ENV MALLOC_MMAP_THRESHOLD_=524288 \
    MALLOC_TRIM_THRESHOLD_=524288

WORKDIR /app

# Application files stay owned by root (read-only for the app user). Only the
# database directory belongs to `node`: the server re-seeds on start-up when the
# database is missing or stale (e.g. an empty volume mounted on /app/data), and
# the seed writes a temporary file there and renames it over the old one.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/migrations ./migrations
COPY --from=build /app/seed ./seed
# The committed spec: the server serves its generated examples at /openapi.json and in /docs.
COPY --from=build /app/openapi ./openapi
COPY --from=build --chown=node:node /app/data ./data

# `node` (uid/gid 1000) is the unprivileged user of the official node images.
USER node

EXPOSE 3000

HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]

# node runs as PID 1 (the base image's entrypoint execs it) and handles
# SIGTERM itself, so `docker stop` shuts the server down gracefully.
# A 2 MB young generation: the serving path allocates little, and V8's default (16 MB semi-spaces) held ~25 MB more RSS after load.
# No allocation-site pretenuring: after a burst of slow misses V8 had marked the request objects' allocation
# sites long-lived, so every later cached hit allocated them straight into old space (about 200 bytes a hit,
# 13 MB/s at 62k hits/s on the ESCO-sized set) and the heap reached 145-211 MB before a mark-compact.
# Old space may grow 25 % past what the last mark-compact kept (V8 lets it grow up to 4x when GC is fast):
# RSS after load 156-166 -> 143-146 MB on the document and 274-276 -> 211-221 MB on the ESCO-sized
# set; wrk ratios unchanged, p99 of cached hits 0.53-1.04x (0.6 on most) (docs/performance.md#memory).
CMD ["node", "--max-semi-space-size=2", "--no-allocation-site-pretenuring", "--heap-growing-percent=25", "dist/server.js"]
