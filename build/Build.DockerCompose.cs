/// <summary>The compose file for users who run the environments with docker-compose; generated, checked for drift.</summary>
[DockerCompose("docker-compose.yml")]
partial class Build;
