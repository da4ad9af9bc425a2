fn main() {
    let _job = k8s_dsl::job! {
        name: "math-add-job",
        completions: -3,
        template: { restartPolicy: Never, containers: [ { name: "math-add", image: "ubuntu" } ] },
    };
}
