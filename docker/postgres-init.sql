-- The hub and the grading service keep separate databases on the same server.
CREATE DATABASE grading OWNER course;
