//! `fleet [--source builders|macros|baseline] [--emit yaml|serde-yaml|json] [--format yaml|json] N OUT`
//!
//! Writes fleet members `0..N` (a Pod `web-i` and a CronJob `report-i` each) to the file OUT,
//! or to stdout for `-`, streaming one object at a time. By default the objects are built with
//! the k8s-dsl builders (`--source macros`: written with `pod!` and `cronjob!`) and written as
//! YAML by k8s-dsl's emitter; `--format json` (the same as
//! `--emit json`) writes one JSON `List`. The other choices are the benchmark's baselines.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use k8s_dsl_fleet::{write_fleet, Emit, FleetError, Source};

const USAGE: &str =
    "usage: fleet [--source builders|macros|baseline] [--emit yaml|serde-yaml|json] \
     [--format yaml|json] N OUT.yaml (`-` for stdout)";

struct Args {
    n: usize,
    out: String,
    source: Source,
    emit: Emit,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let mut source = Source::Builders;
    let mut emit = Emit::Yaml;
    let mut positional = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("`{flag}` needs a value"))
        };
        match flag.as_str() {
            "--source" => source = value()?.parse()?,
            "--emit" | "--format" => emit = value()?.parse()?,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other if other.starts_with("--") => {
                return Err(format!("unknown option `{other}`; {USAGE}"))
            }
            _ => positional.push(arg),
        }
    }
    let [n, out] = <[String; 2]>::try_from(positional).map_err(|_| USAGE.to_owned())?;
    let n = n
        .parse()
        .map_err(|_| format!("N must be a whole number, not `{n}`"))?;
    Ok(Args {
        n,
        out,
        source,
        emit,
    })
}

fn run(args: Args) -> Result<(), FleetError> {
    const BUFFER: usize = 64 * 1024;
    if args.out == "-" {
        let stdout = io::stdout().lock();
        write_fleet(
            args.n,
            args.source,
            args.emit,
            BufWriter::with_capacity(BUFFER, stdout),
        )?;
    } else {
        let file =
            File::create(&args.out).map_err(|e| format!("cannot create `{}`: {e}", args.out))?;
        let mut sink = write_fleet(
            args.n,
            args.source,
            args.emit,
            BufWriter::with_capacity(BUFFER, file),
        )?;
        sink.flush()?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("fleet: {error}");
            ExitCode::FAILURE
        }
    }
}
