fn main() {
    let _job = k8s_dsl::job! {
        name: "math-add-job",
        template: {
            containers: [ { name: "math-add", image: "ubuntu" } ],
        },
    };
}
