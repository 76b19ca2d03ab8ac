package dev.textopt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TextoptApplication {

    public static void main(String[] args) {
        SpringApplication.run(TextoptApplication.class, args);
    }
}
