# syntax=docker/dockerfile:1

# Where the jar comes from (build argument JAR_FROM):
#   maven     (default) built here by the Maven wrapper, from the sources alone
#   prebuilt  target/textopt-*.jar as `./mvnw package` (or verify) built it on the host: no second
#             build, no Maven downloads. CI uses it after its own verify.
#             docker build --build-arg JAR_FROM=prebuilt .    (compose: TEXTOPT_JAR_FROM=prebuilt)
# Only the chosen stage is built. No default here but in the FROM below: buildah (podman) does not
# see an ARG's default when it decides which stages to skip.
ARG JAR_FROM

# --- maven: the Maven wrapper on a full JDK -----------------------------------------------
FROM eclipse-temurin:17-jdk AS maven
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# Maven, the dependencies and the plugins in a layer of their own, reused until pom.xml changes;
# the package step below then downloads nothing (checked: it builds with -o too). resolve rather than
# go-offline, which ignores the pom's exclusions (108 MB of PostgreSQL binaries for other systems).
# Batch mode without download progress, but never -q: a failing build must say why.
RUN ./mvnw -B -ntp dependency:resolve dependency:resolve-plugins
COPY db/ db/
# Only the main sources: the tests are not compiled here (maven.test.skip), so a change to a test
# does not rebuild the image, and the build is shorter.
COPY src/main/ src/main/
# The repackaged jar leaves out optional dependencies, so the embedded PostgreSQL binaries
# stay out of the image: in a container textopt always talks to a real server.
RUN ./mvnw -B -ntp -Dmaven.test.skip=true package \
 && cp target/textopt-*.jar /textopt.jar

# --- prebuilt: the jar the host built -------------------------------------------------------
FROM scratch AS prebuilt
COPY target/textopt-*.jar /textopt.jar

FROM ${JAR_FROM:-maven} AS jar

# --- extracted: the jar unpacked for class-data sharing ------------------------------------
# The application jar and its libraries side by side (/app/textopt.jar, /app/lib/), as Spring Boot's CDS
# support wants them (docs/operations.md, "Faster start-up").
FROM eclipse-temurin:17-jre AS extracted
COPY --from=jar /textopt.jar /textopt.jar
RUN java -Djarmode=tools -jar /textopt.jar extract --destination /app

# --- runtime: JRE only, non-root -----------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system textopt && useradd --system --gid textopt --home /app textopt \
 && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=extracted /app/ /app/
# The training run: builds the application context without a database (the cds-training profile), exits,
# and writes the classes it loaded to textopt.jsa; started with it, textopt reads them from the archive
# instead of loading them from the jars. Here, in the final stage, so that the archive is made by the same
# java against the very files it will start (the JVM ignores an archive whose jars changed).
# The paths are the entrypoint's: Java 17 uses the archive only when the jar is named exactly as here.
RUN java -XX:MaxRAMPercentage=75 -XX:ArchiveClassesAtExit=/app/textopt.jsa -Dspring.context.exit=onRefresh \
      -Dspring.profiles.active=cds-training -jar /app/textopt.jar
USER textopt
EXPOSE 8080
# A success during the start period marks the container healthy at once; failures only count after
# it, so a generous period costs nothing on a fast machine and spares a slow one.
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
# Exec form: java is PID 1 and receives SIGTERM itself, so graceful shutdown lets running steps
# finish (TEXTOPT_SHUTDOWN_GRACE, 60 s; compose's stop_grace_period is 90 s). The heap follows the
# container's memory limit; the flag is here rather than in JAVA_TOOL_OPTIONS, which stays free for
# your own flags (e.g. JAVA_TOOL_OPTIONS=-Xmx2g, or a -javaagent) and would be echoed by every JVM.
# The same heap flag as the training run: an archive is only used with the same compressed-pointer mode.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/textopt.jsa", "-jar", "/app/textopt.jar"]
