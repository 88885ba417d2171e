"""Placeholder: this page is being written."""

import streamlit as st

st.info("Sivu on työn alla.")
