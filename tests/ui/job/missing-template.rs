fn main() {
    let _job = k8s_dsl::job! {
        name: "math-add-job",
        completions: 3,
    };
}
