#!/usr/bin/env bash
# Runs a 10,000-point sweep as a Slurm job array on a one-node Slurm cluster it starts on
# this machine (munged, slurmctld and slurmd on localhost: no systemd, no cgroups), merges
# the shards with `esmsim merge` and checks that they are, byte for byte, what one process
# writes. Installs Debian's slurm-wlm and munge when missing (as root), and stops every
# daemon it started and removes its files on exit, whatever happens.
#
#   Scripts/slurm-sweep.sh [SWEEP_FILE]
#
# Environment: SHARDS (array tasks, default 8), REPLICATIONS (default 2, so confidence.csv
# is merged too), ESMSIM (a built esmsim; default: built here in release mode),
# KEEP=1 (keep the work folder with the logs, shards and outputs).
set -euo pipefail
cd "$(dirname "$0")/.."

sweep=${1:-Scenarios/sweeps/array-job.json}
shards=${SHARDS:-8}
replications=${REPLICATIONS:-2}
started=$SECONDS
say() { echo "slurm-sweep: $*"; }
fail() { echo "slurm-sweep: FAILED: $*" >&2; exit 1; }

# 1. Packages, installed only when missing, quietly.
missing=0
for tool in munged mungekey slurmctld slurmd sbatch squeue sinfo scontrol; do
    command -v "$tool" >/dev/null 2>&1 || missing=1
done
if [ "$missing" = 1 ]; then
    [ "$(id -u)" = 0 ] || fail "slurm-wlm and munge are missing; run as root so they can be installed, or install them"
    say "installing slurm-wlm and munge"
    export DEBIAN_FRONTEND=noninteractive
    apt_log=$(mktemp)
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends slurm-wlm munge; } >"$apt_log" 2>&1 \
        || { cat "$apt_log" >&2; rm -f "$apt_log"; fail "could not install slurm-wlm and munge"; }
    rm -f "$apt_log"
fi

# 2. esmsim.
if [ -z "${ESMSIM:-}" ]; then
    swift build -c release --product esmsim >/dev/null
    ESMSIM="$(swift build -c release --show-bin-path)/esmsim"
fi
[ -x "$ESMSIM" ] || fail "no esmsim at $ESMSIM"

# 3. A private cluster: every file under one folder, every daemon stopped on exit.
work=$(mktemp -d "${TMPDIR:-/tmp}/esmsim-slurm.XXXXXX")
chmod 755 "$work"
mkdir -p "$work/munge" "$work/key" "$work/state" "$work/spool" "$work/log"
chmod 700 "$work/key"
job=""
stop() {
    local status=$?
    set +e
    if [ -n "$job" ]; then scancel "$job" >/dev/null 2>&1; fi
    local pidfile pid
    for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munge/munged.pid"; do
        [ -s "$pidfile" ] || continue
        pid=$(cat "$pidfile")
        kill "$pid" 2>/dev/null || continue
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null
    done
    if [ "$status" != 0 ]; then
        echo "slurm-sweep: logs of the failed run:" >&2
        tail -n 20 "$work"/log/*.log "$work"/log/*.out "$work"/munge/munged.log 2>/dev/null >&2
    fi
    if [ "${KEEP:-0}" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi
    exit "$status"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Two free ports in the unprivileged range: a port answers a connection when in use.
free_port() {
    local port
    for _ in $(seq 100); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    fail "no free port found"
}
controller_port=$(free_port)
node_port=$(free_port)
[ "$controller_port" != "$node_port" ] || node_port=$((controller_port + 1))

mungekey --create --keyfile="$work/key/munge.key" >/dev/null 2>&1 \
    || dd if=/dev/urandom of="$work/key/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/key/munge.key"
munged --force --key-file="$work/key/munge.key" --socket="$work/munge/munge.socket" \
    --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed"

cat >"$work/slurm.conf" <<EOF
ClusterName=esmsim
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$controller_port
SlurmdPort=$node_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
SchedulerParameters=sched_interval=1,batch_sched_delay=0
MpiDefault=none
ReturnToService=2
MinJobAge=600
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=local Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$work/slurm.conf"
slurmctld -i -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF" -N localhost
say "cluster up: slurmctld on port $controller_port, slurmd on $node_port, $(nproc) CPUs"

# 4. The reference while the node registers: the whole sweep in one process.
"$ESMSIM" sweep "$sweep" --replications "$replications" --out "$work/whole" >"$work/log/whole.out"
say "one process: $(head -n 1 "$work/log/whole.out")"

for _ in $(seq 300); do
    case "$(sinfo -h -n localhost -o %t 2>/dev/null)" in idle | mix | alloc) break ;; esac
    sleep 0.1
done
[ "$(sinfo -h -n localhost -o %t)" = idle ] || fail "the node did not come up: $(sinfo -h -n localhost -o '%t %E' 2>&1)"

# 5. The array: each task finds its shard in SLURM_ARRAY_TASK_ID.
array_started=$SECONDS
job=$(sbatch --parsable --array="0-$((shards - 1))" --cpus-per-task=1 --job-name=esmsim-sweep \
    --chdir="$PWD" --output="$work/log/task-%a.out" \
    --wrap "exec \"$ESMSIM\" sweep \"$sweep\" --shard auto/$shards --replications $replications --out \"$work/shards\"")
say "submitted job array $job: $shards tasks"
for _ in $(seq 3000); do
    [ -z "$(squeue -h -j "$job" 2>/dev/null)" ] && break
    sleep 0.2
done
[ -z "$(squeue -h -j "$job" 2>/dev/null)" ] || fail "job array $job still running after 10 minutes"
completed=$(scontrol -o show job "$job" | grep -c "JobState=COMPLETED ") || true
[ "$completed" = "$shards" ] || fail "$completed of $shards array tasks completed: $(scontrol -o show job "$job" | grep -o 'ArrayTaskId=[0-9]* JobName=[^ ]* .*JobState=[A-Z]*' | sed 's/JobName.*JobState/JobState/' | tr '\n' ' ')"
job=""
say "all $shards tasks completed in $((SECONDS - array_started)) s"

# 6. Merge and compare.
"$ESMSIM" merge "$work/shards" --out "$work/merged" >/dev/null
for name in sweep.csv confidence.csv; do
    [ -f "$work/whole/$name" ] || continue
    cmp "$work/whole/$name" "$work/merged/$name" || fail "merged $name differs from the single-process sweep"
    say "merged $name is identical to the single-process sweep ($(($(wc -l <"$work/whole/$name") - 1)) rows)"
done
say "passed in $((SECONDS - started)) s"
