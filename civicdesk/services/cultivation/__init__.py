"""Cultivation (培育发展): incubation, purchased services, venture philanthropy, community funds, volunteers and
children's service stations (the rows of civicdesk/models/cultivation.py), and their figures."""
