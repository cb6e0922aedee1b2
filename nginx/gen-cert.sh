#!/bin/sh
# Writes a self-signed TLS certificate for localhost into DIR (default: nginx/certs beside this
# script) as localhost.crt and localhost.key. Idempotent: an existing pair is kept.
# Used by the compose `certs` service and usable on a developer machine: sh nginx/gen-cert.sh [DIR]
set -eu

dir=${1:-"$(dirname "$0")/certs"}
crt="$dir/localhost.crt"
key="$dir/localhost.key"

if [ -s "$crt" ] && [ -s "$key" ]; then
  echo "gen-cert: keeping the existing certificate in $dir"
  exit 0
fi

mkdir -p "$dir"
umask 077
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days 825 \
  -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1" \
  -addext "keyUsage=critical,digitalSignature" \
  -addext "extendedKeyUsage=serverAuth" \
  -keyout "$key.tmp" -out "$crt.tmp"
chmod 644 "$crt.tmp"
mv "$key.tmp" "$key"
mv "$crt.tmp" "$crt"
echo "gen-cert: wrote a self-signed certificate for localhost to $dir"
