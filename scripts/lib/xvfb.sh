# shellcheck shell=bash
# Sourced by the scripts that test a window (e2e.sh, wine-test.sh).
#
# start_xvfb LOG: starts Xvfb (1600×1000, 24 bits) on the first free display
# from :99 to :199, exports DISPLAY once it answers, and sets xvfb_pid for the
# caller to kill. Returns 1 if no display could be started.
start_xvfb() {
  local n log=$1
  xvfb_pid=""
  for n in $(seq 99 199); do
    if [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; then continue; fi
    Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >"$log" 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 50); do
      DISPLAY=":$n" xdotool getdisplaygeometry >/dev/null 2>&1 && break
      kill -0 "$xvfb_pid" 2>/dev/null || break
      sleep 0.1
    done
    # Ours only if our Xvfb still runs: another may have taken :$n meanwhile.
    if kill -0 "$xvfb_pid" 2>/dev/null && DISPLAY=":$n" xdotool getdisplaygeometry >/dev/null 2>&1; then
      export DISPLAY=":$n"
      return 0
    fi
    kill "$xvfb_pid" 2>/dev/null || true
    xvfb_pid=""
  done
  return 1
}
