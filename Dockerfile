# syntax=docker/dockerfile:1

# --- build: the Maven wrapper on a full JDK ---------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY db/ db/
COPY src/ src/
# The repackaged jar leaves out optional dependencies, so the embedded PostgreSQL binaries
# stay out of the image: in a container textopt always talks to a real server.
RUN ./mvnw -B -ntp -q -DskipTests package \
 && cp target/textopt-*.jar /textopt.jar

# --- runtime: JRE only, non-root -----------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system textopt && useradd --system --gid textopt --home /app textopt \
 && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /textopt.jar /app/textopt.jar
USER textopt
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/textopt.jar"]
