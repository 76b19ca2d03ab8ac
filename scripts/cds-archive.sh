#!/usr/bin/env bash
# Class-data sharing for a faster start (docs/operations.md, "Faster start-up"), as Spring Boot documents
# it for Java 17: extracts the packaged jar into DIR (DIR/textopt.jar and its libraries in DIR/lib/), then
# a training run, which builds the application context without a database (the cds-training profile)
# and exits, writes the classes it loaded to DIR/textopt.jsa. Start with the archive, naming the jar by the
# absolute path the script prints (Java 17 matches the archive's jars by their names):
#   java -XX:SharedArchiveFile=/abs/DIR/textopt.jsa -jar /abs/DIR/textopt.jar
# The archive fits only that java, those jars and that path: make it again after every build, JDK update
# or move (a mismatched archive is ignored, and start-up is as slow as without one).
#
#   scripts/cds-archive.sh [JAR [DIR]]     defaults: target/textopt-*.jar, target/cds
set -euo pipefail
jar=${1:-$(ls target/textopt-*.jar 2>/dev/null | head -1)}
dir=${2:-target/cds}
[ -f "$jar" ] || { echo "no jar: build it first (./mvnw -DskipTests package) or name it" >&2; exit 2; }
rm -rf "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir"
dir=$(cd "$dir" && pwd)
# The extracted application jar keeps its versioned name; one fixed name is easier to start and document.
mv "$dir/$(basename "$jar")" "$dir/textopt.jar"
# Absolute paths: Java 17 uses the archive only when the jar is named exactly as in the training run.
# SPRING_DATASOURCE_URL unset: a training run that finds a database in the environment must not migrate it.
env -u SPRING_DATASOURCE_URL java ${CDS_TRAINING_OPTS:-} -XX:ArchiveClassesAtExit="$dir/textopt.jsa" \
  -Dspring.context.exit=onRefresh -Dspring.profiles.active=cds-training -jar "$dir/textopt.jar" > "$dir/training-run.log" 2>&1 \
  || { echo "the training run failed; its log:" >&2; tail -30 "$dir/training-run.log" >&2; exit 1; }
echo "start with: java -XX:SharedArchiveFile=$dir/textopt.jsa -jar $dir/textopt.jar"
