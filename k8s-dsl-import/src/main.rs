//! `k8s-dsl-import FILE_OR_DIR [--macros]`: prints k8s-dsl code for Kubernetes YAML.

use std::path::PathBuf;
use std::process::ExitCode;

use k8s_dsl_import::{import, Options};

const USAGE: &str = "usage: k8s-dsl-import FILE_OR_DIR [--macros]

Prints Rust code (k8s-dsl builders) that builds every object of the YAML file, or of every
.yaml/.yml file under the directory. Fields without a builder method are kept as JSON and
listed on stderr.

  --macros   write Pods, Jobs and CronJobs as pod!/job!/cronjob! (other kinds stay
             builder code); an object with a field the macro has no key for is
             builder code, with a comment and a note on stderr naming the field";

fn main() -> ExitCode {
    let mut path: Option<PathBuf> = None;
    let mut options = Options::default();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--macros" => options.macros = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with("--") => {
                eprintln!("error: unknown option `{flag}`\n\n{USAGE}");
                return ExitCode::from(2);
            }
            _ if path.is_some() => {
                eprintln!("error: give one file or directory\n\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => path = Some(PathBuf::from(arg)),
        }
    }
    let Some(path) = path else {
        eprintln!("error: no file or directory given\n\n{USAGE}");
        return ExitCode::from(2);
    };
    match import(&path, &options) {
        Ok(generated) => {
            print!("{}", generated.code);
            for field in &generated.unsupported {
                eprintln!("note: {field}");
            }
            for fallback in &generated.builder_fallbacks {
                eprintln!("note: {fallback}; the object is written with builders");
            }
            for warning in &generated.warnings {
                eprintln!("warning: {warning}");
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("error: {error}");
            }
            ExitCode::FAILURE
        }
    }
}
