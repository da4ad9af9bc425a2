//! Prints the hostile-strings Pod as YAML (default) or JSON (`--json`), for the test command's
//! check with PyYAML and ruamel.yaml: both readers must give back exactly the JSON.

use std::process::ExitCode;

fn main() -> ExitCode {
    let pod = k8s_dsl_tests::hostile_pod();
    let json = std::env::args().nth(1).as_deref() == Some("--json");
    let text = if json {
        k8s_dsl::emit::to_json(&pod)
    } else {
        k8s_dsl::emit::to_yaml(&pod)
    };
    match text {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
