#!/usr/bin/env bash
# install-servers.sh — install the real IMAP servers the tests start
# themselves (internal/servers): Dovecot 2.3, Cyrus IMAP 3.x and
# Courier-IMAP 5.0 from Debian.
#
# Run as root; idempotent (a second run with everything present does no
# apt work).  No service is started: a temporary /usr/sbin/policy-rc.d
# (exit 101) blocks the packages' maintainer scripts.
#
# Debian's cyrus-imapd conflicts with dovecot-imapd (both provide
# imap-server), so only cyrus-common and the SASL tools are installed; the
# cyrus-imapd .deb (imapd, idled) is fetched at cyrus-common's exact version
# and unpacked with dpkg-deb -x into $CYRUS_ROOT, where internal/servers
# looks for it.
#
# Debian's courier-imap conflicts with dovecot-imapd too, and Courier's
# paths are compiled in: nothing of Courier is installed.  Its .debs are
# fetched with apt-get download and unpacked into $COURIER_ROOT; the tests
# run the daemons in a private mount namespace that overlays them on /usr
# and /etc (internal/servers/courier.go).  Only the shared libraries they
# need from Debian proper are installed (libgdbm6, libidn12, ...).
set -euo pipefail

CYRUS_ROOT=/opt/imapsh-cyrus      # keep in sync with internal/servers/cyrus.go
COURIER_ROOT=/opt/imapsh-courier  # keep in sync with internal/servers/courier.go
MAIL_USER=imapsh                  # owns the test mail; keep in sync with dovecot.go
PKGS=(dovecot-core dovecot-imapd openssl tmux python3
      cyrus-common sasl2-bin libsasl2-modules libsasl2-modules-db
      libgdbm6 libidn12 libgnutls30 libstdc++6 libcrypt1 libglib2.0-0 util-linux)
# Courier-IMAP and the parts of it Debian splits off; imapd needs gamin's
# gam_server at login (without it every login waits 1.2 s and gets an
# [ALERT] "Filesystem notification initialization error").
COURIER_DEBS=(courier-imap courier-base courier-authlib courier-authlib-userdb
              courier-authdaemon libcourier-unicode4 libgamin0 gamin libltdl7)

log() { printf '[install-servers] %s\n' "$*" >&2; }

[[ $(id -u) == 0 ]] || { log "must run as root"; exit 1; }

installed() { [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == 'install ok installed' ]]; }

made_policy=0
cleanup() { if ((made_policy)); then rm -f /usr/sbin/policy-rc.d; fi; }
trap cleanup EXIT

block_service_starts() {
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
}

install_packages() {
  local missing=() p
  for p in "${PKGS[@]}"; do installed "$p" || missing+=("$p"); done
  if ((${#missing[@]} == 0)); then
    log "packages present"
    return
  fi
  log "installing: ${missing[*]}"
  block_service_starts
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # dovecot-imapd must survive: never let apt remove anything here
  apt-get install -y -q --no-install-recommends --no-remove "${missing[@]}"
}

unpack_cyrus_imapd() {
  if installed cyrus-imapd; then
    log "cyrus-imapd installed system-wide"
    return
  fi
  local ver stamp=$CYRUS_ROOT/.version
  ver=$(dpkg-query -W -f='${Version}' cyrus-common)
  if [[ -x $CYRUS_ROOT/usr/lib/cyrus/bin/imapd && -f $stamp && $(cat "$stamp") == "$ver" ]]; then
    log "cyrus-imapd $ver already unpacked in $CYRUS_ROOT"
    return
  fi
  log "unpacking cyrus-imapd $ver into $CYRUS_ROOT"
  local tmp
  tmp=$(mktemp -d)
  download "$tmp" "cyrus-imapd=$ver"
  rm -rf "$CYRUS_ROOT"
  mkdir -p "$CYRUS_ROOT"
  dpkg-deb -x "$tmp"/cyrus-imapd_*.deb "$CYRUS_ROOT"
  printf '%s\n' "$ver" >"$stamp"
  rm -rf "$tmp"
}

# download DIR PKG...: apt-get download into DIR (as _apt, which apt uses
# to fetch), running apt-get update once if the lists are missing or stale.
download() {
  local dir=$1; shift
  chmod 755 "$dir"
  if id -u _apt >/dev/null 2>&1; then chown _apt "$dir"; fi
  (cd "$dir" && apt-get download -q "$@") ||
    { apt-get update -q && (cd "$dir" && apt-get download -q "$@"); }
}

unpack_courier() {
  local stamp=$COURIER_ROOT/.version want
  want="debs: ${COURIER_DEBS[*]}"
  if [[ -x $COURIER_ROOT/usr/bin/imapd && -f $stamp && $(head -1 "$stamp") == "$want" ]]; then
    log "courier-imap $(awk '$1 == "courier-imap" {print $2}' "$stamp") already unpacked in $COURIER_ROOT"
    return
  fi
  log "unpacking ${COURIER_DEBS[*]} into $COURIER_ROOT"
  local tmp d
  tmp=$(mktemp -d)
  download "$tmp" "${COURIER_DEBS[@]}"
  rm -rf "$COURIER_ROOT"
  mkdir -p "$COURIER_ROOT"
  for d in "$tmp"/*.deb; do dpkg-deb -x "$d" "$COURIER_ROOT"; done
  { echo "$want"
    for d in "$tmp"/*.deb; do dpkg-deb --show --showformat='${Package} ${Version}\n' "$d"; done
  } >"$stamp"
  rm -rf "$tmp"
}

ensure_mail_user() {
  id -u "$MAIL_USER" >/dev/null 2>&1 ||
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$MAIL_USER"
}

install_packages
unpack_cyrus_imapd
unpack_courier
ensure_mail_user
log "dovecot $(dovecot --version | cut -d' ' -f1), cyrus $(dpkg-query -W -f='${Version}' cyrus-common)," \
    "courier-imap $(awk '$1 == "courier-imap" {print $2}' "$COURIER_ROOT/.version"): ready"
