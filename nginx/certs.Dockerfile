# syntax=docker/dockerfile:1
# One-shot image for the compose `certs` service: gen-cert.sh with openssl.
FROM alpine:3.22
RUN apk add --no-cache openssl
COPY gen-cert.sh /usr/local/bin/gen-cert.sh
ENTRYPOINT ["sh", "/usr/local/bin/gen-cert.sh"]
CMD ["/certs"]
