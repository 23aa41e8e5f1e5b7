import asyncio
from fastapi import FastAPI
app = FastAPI()

async def run(cmd):
    proc = await asyncio.create_subprocess_shell(cmd)  # VULN flow
    return await proc.wait()

@app.get("/r")
async def r(cmd: str):
    return await run(cmd)
