fn main() {
    let _job = k8s_dsl::job! {
        name: "math-add-job",
        template: {
            restartPolicy: Newver,
            containers: [ { name: "math-add", image: "ubuntu" } ],
        },
    };
}
