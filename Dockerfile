# PitchGraph app image for docker-compose: Node 20, talks to the Neo4j service (NEO4J_URI),
# so it needs neither Java nor Maven.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
CMD ["npx", "tsx", "src/main.ts"]
