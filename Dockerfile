# syntax=docker/dockerfile:1
#
# Phòng họp thông minh — production images, built by docker-compose.yml:
#   target `api`  the NestJS API + socket.io (no web files; nginx serves those)
#   target `web`  nginx with the built web app (apps/web/dist); its config is mounted from deploy/nginx
#
# The build stage compiles everything once; each runtime stage copies only what it needs.

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginx:1.28-alpine
# The lock file is written by npm 11; the node 20 image ships npm 10, whose handling of
# platform-specific optional packages (Vite's native bundler) differs.
ARG NPM_VERSION=11

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
ARG NPM_VERSION
# A compiler for native addons: argon2 falls back to building from source when its prebuilt
# binary does not load on the build machine.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV CI=true \
    NX_DAEMON=false \
    NX_NO_CLOUD=true \
    SCARF_ANALYTICS=false \
    DO_NOT_TRACK=1
RUN npm install -g "npm@${NPM_VERSION}" --no-audit --no-fund
WORKDIR /app
# The whole context (see .dockerignore): npm ci needs every workspace's package.json anyway.
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
RUN npm run build

# Production dependencies of the API workspace only (no React, no dev tools), installed from the
# same lock file in a clean folder so nothing from the dev install leaks in.
RUN mkdir -p /prod \
 && for f in package.json package-lock.json .npmrc apps/*/package.json libs/*/package.json tools/*/package.json; do \
      if [ -f "$f" ]; then mkdir -p "/prod/$(dirname "$f")" && cp "$f" "/prod/$f"; fi; \
    done
RUN --mount=type=cache,target=/root/.npm cd /prod \
 && npm ci --omit=dev --workspace=@phonghop/api --include-workspace-root=false --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS api
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data \
    WEB_DIST_DIR=/nonexistent
# Documents: qpdf checks and rewrites PDFs, poppler-utils renders confidential pages (pdftoppm) and
# reads text back (pdftotext), LibreOffice converts Office files; DejaVu gives it Vietnamese glyphs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends qpdf poppler-utils fonts-dejavu-core \
      libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /prod/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/libs/common/package.json ./libs/common/package.json
COPY --from=build /app/libs/common/dist ./libs/common/dist
COPY --from=build /app/apps/api/package.json ./apps/api/package.json
COPY --from=build /app/apps/api/dist ./apps/api/dist
COPY --from=build /app/apps/api/assets ./apps/api/assets
# DATA_DIR holds files the API keeps beside the database; the unprivileged `node` user owns it.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
CMD ["node", "apps/api/dist/main.js"]

# ---------------------------------------------------------------------------------------------
FROM ${NGINX_IMAGE} AS web
# Only the static web app; deploy/nginx/phonghop.conf is mounted by docker-compose.yml so TLS
# and upstream settings can change without a rebuild.
RUN rm -f /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
